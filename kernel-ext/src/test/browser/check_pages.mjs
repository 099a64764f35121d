// Opens exported notebook pages in headless Chromium (Debian's /usr/bin/chromium through playwright-core)
// and reports, per page: JavaScript errors, console errors, dialogs (alert/confirm: a sign of injected
// script), requests that leave the machine, and whether every anomaly4j chart drew an SVG.
//
//   node check_pages.mjs OUT_DIR PAGE.html [PAGE.html ...]
//
// Writes OUT_DIR/report.json, OUT_DIR/<page>.png (full-page screenshot) and, for a page with charts,
// OUT_DIR/previews/<page>.png: the first chart alone, the gallery's thumbnail (run_notebooks.py copies these
// beside build/site/index.html). Exit code 0 when every page is clean, 1 otherwise; the pytest suite reads
// report.json for its assertions.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [outDir, ...pages] = process.argv.slice(2);
if (!outDir || pages.length === 0) {
  console.error('usage: node check_pages.mjs OUT_DIR PAGE.html [PAGE.html ...]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const previewDir = path.join(outDir, 'previews');
fs.mkdirSync(previewDir, { recursive: true });

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
});

const report = [];
let allOk = true;
for (const page of pages) {
  const file = path.resolve(page);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await ctx.newPage();
  const entry = { page: file, pageErrors: [], consoleErrors: [], dialogs: [], externalRequests: [],
                  charts: 0, drawn: 0, undrawn: [], tables: 0 };
  tab.on('pageerror', e => entry.pageErrors.push(String(e)));
  tab.on('console', m => { if (m.type() === 'error') entry.consoleErrors.push(m.text()); });
  tab.on('dialog', async d => { entry.dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });
  tab.on('request', r => {
    const u = r.url();
    if (!/^(file|data|blob|about):/.test(u)) entry.externalRequests.push(u);
  });
  await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  entry.charts = await tab.locator('div.a4j-plotly').count();
  try {
    await tab.waitForFunction(() => {
      const divs = [...document.querySelectorAll('div.a4j-plotly')];
      return divs.every(d => d.querySelector('svg.main-svg'));
    }, null, { timeout: 30000 });
  } catch (e) { /* counted below */ }
  const state = await tab.evaluate(() => {
    const divs = [...document.querySelectorAll('div.a4j-plotly')];
    return {
      drawn: divs.filter(d => d.querySelector('svg.main-svg')).length,
      undrawn: divs.filter(d => !d.querySelector('svg.main-svg')).map(d => d.id + ': ' + d.textContent.slice(0, 200)),
      // drawn marks per chart: scatter points and lines, bars (histograms), boxes, heatmap images (confusion
      // matrices), contour paths (decision boundaries); a scatter matrix (splom) draws on a WebGL canvas
      points: divs.map(d => d.querySelectorAll('.scatterlayer .point, .scatterlayer path.js-line, .barlayer .point, '
        + '.boxlayer path.box, .heatmaplayer image, .contourlayer path, canvas.gl-canvas-context').length),
      titles: divs.map(d => (d.querySelector('.gtitle') || {}).textContent || ''),
      tables: document.querySelectorAll('div.a4j-table table').length,
      plotlyScripts: document.querySelectorAll('script#a4j-plotly-js').length,
      // elements that only exist if text from data was parsed as HTML (the injection tests plant these)
      injectedElements: document.querySelectorAll('img[src="x"], [data-injected]').length,
      text: document.body.innerText.slice(0, 200000),
    };
  });
  Object.assign(entry, state);
  await tab.screenshot({ path: path.join(outDir, path.basename(file, '.html') + '.png'), fullPage: true });
  // the gallery thumbnail: the first chart as drawn (its div, not the page), written only when it drew
  const preview = path.join(previewDir, path.basename(file, '.html') + '.png');
  fs.rmSync(preview, { force: true });
  const first = tab.locator('div.a4j-plotly').first();
  if (entry.charts > 0 && await first.locator('svg.main-svg').count() > 0) {
    await first.scrollIntoViewIfNeeded();
    await first.screenshot({ path: preview });
  }
  entry.preview = fs.existsSync(preview) ? preview : null;
  entry.ok = entry.pageErrors.length === 0 && entry.consoleErrors.length === 0 && entry.dialogs.length === 0
    && entry.externalRequests.length === 0 && entry.drawn === entry.charts && entry.injectedElements === 0;
  allOk = allOk && entry.ok;
  report.push(entry);
  console.log(`${entry.ok ? 'ok  ' : 'FAIL'} ${path.basename(file)}: ${entry.drawn}/${entry.charts} charts drawn, `
    + `${entry.tables} tables, ${entry.pageErrors.length} page errors, ${entry.consoleErrors.length} console errors, `
    + `${entry.dialogs.length} dialogs, ${entry.externalRequests.length} external requests, `
    + `${entry.injectedElements} injected elements`);
  await ctx.close();
}
await browser.close();
fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2));
process.exit(allOk ? 0 : 1);
