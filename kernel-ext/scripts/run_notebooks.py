#!/usr/bin/env python3
"""Execute notebooks on the anomaly4j kernel and export them to an offline HTML site.

    run_notebooks.py [--notebooks notebooks] [--out build] [--force] [NAME.ipynb ...]

For each notebook: execute it with nbclient on the "anomaly4j" kernel (one kernel per notebook) into
build/notebooks/, stop at the first error output, export it to build/site/NAME.html with a template that
loads nothing from a CDN, copy plotly.min.js (from the pip plotly package) beside the pages, and write
build/site/index.html: a gallery card per notebook with its title, a one-line description and a preview of
its first chart. The previews are made by the browser check (kernel-ext/src/test/browser/check_pages.mjs, in
headless Chromium) when Node.js and its playwright-core are installed (`make test` installs them); without
them the gallery has no pictures. A notebook whose executed copy is newer than its source and than the
library and launcher jars is reused unless --force is given, so a second `make run` is fast.
"""
from __future__ import annotations

import argparse
import html
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL = "anomaly4j"
HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TEMPLATES = HERE / "nbconvert"


def plotly_js() -> pathlib.Path:
    import plotly
    p = pathlib.Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not p.is_file():
        raise SystemExit(f"plotly.min.js not found in the plotly package at {p}; reinstall plotly")
    return p


def execute(src: pathlib.Path, dst: pathlib.Path, timeout: int = 900) -> float:
    """Execute src into dst; raise CellExecutionError on the first failing cell. Returns seconds."""
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, startup_timeout=120,
                            resources={"metadata": {"path": str(src.parent.resolve())}})
    t0 = time.perf_counter()
    dst.parent.mkdir(parents=True, exist_ok=True)
    failed = dst.with_suffix(".failed.ipynb")
    try:
        client.execute()
    except BaseException:
        nbformat.write(nb, failed)  # kept for reading the error; never mistaken for a good run
        dst.unlink(missing_ok=True)
        raise
    failed.unlink(missing_ok=True)
    nbformat.write(nb, dst)
    return time.perf_counter() - t0


def export_html(executed: pathlib.Path, site: pathlib.Path) -> pathlib.Path:
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name="anomaly4j", extra_template_basedirs=[str(TEMPLATES)])
    body, _ = exporter.from_filename(str(executed))
    out = site / (executed.stem + ".html")
    out.write_text(body, encoding="utf-8")
    return out


def title_of(nb_path: pathlib.Path) -> str:
    nb = nbformat.read(nb_path, as_version=4)
    for c in nb.cells:
        if c.cell_type == "markdown":
            for line in c.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return nb_path.stem


def description_of(nb_path: pathlib.Path) -> str:
    """One line about the notebook: metadata anomaly4j.description if set, else the first sentence of the
    first paragraph of the first markdown cell that is not a heading, with markdown emphasis and code
    marks removed."""
    nb = nbformat.read(nb_path, as_version=4)
    given = nb.metadata.get("anomaly4j", {}).get("description")
    if given:
        return str(given).strip()
    for c in nb.cells:
        if c.cell_type != "markdown":
            continue
        for para in re.split(r"\n\s*\n", c.source):
            para = " ".join(para.split())
            if not para or para.startswith(("#", "- ", "* ", "|", "!", "<")):
                continue
            para = re.sub(r"[*`_]", "", para)
            m = re.match(r"(.+?[.!?])(\s|$)", para)
            return m.group(1) if m else para
    return ""


def make_previews(pages: list[pathlib.Path], site: pathlib.Path) -> int:
    """Screenshots each page's first chart into site/previews/NAME.png with the browser check; returns how
    many were made (0 when Node.js or playwright-core is missing: the gallery then shows no pictures)."""
    browser = ROOT / "kernel-ext" / "src" / "test" / "browser"
    node = shutil.which("node")
    if not pages or not node or not (browser / "node_modules" / "playwright-core").is_dir():
        print("  previews: skipped (needs Node.js and `npm ci` in kernel-ext/src/test/browser)")
        return 0
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([node, str(browser / "check_pages.mjs"), out, *map(str, pages)],
                              capture_output=True, text=True, timeout=600)
        if not (pathlib.Path(out) / "report.json").is_file():
            print(f"  previews: the browser check failed: {proc.stderr[-500:]}", file=sys.stderr)
            return 0
        return copy_previews(pathlib.Path(out) / "previews", site)


def copy_previews(made: pathlib.Path, site: pathlib.Path) -> int:
    """Copies the browser check's previews/NAME.png into site/previews/."""
    dst = site / "previews"
    dst.mkdir(parents=True, exist_ok=True)
    n = 0
    for png in sorted(made.glob("*.png")):
        shutil.copy2(png, dst / png.name)
        n += 1
    return n


def write_index(site: pathlib.Path, pages: list[pathlib.Path], sources: dict[str, pathlib.Path]) -> None:
    """The gallery: one card per page with its title (a link), its one-line description, its notebook file
    and, when site/previews/NAME.png exists, that picture (also a link)."""
    cards = []
    for p in sorted(pages):
        src = sources[p.stem]
        href = html.escape(p.name)
        preview = site / "previews" / f"{p.stem}.png"
        picture = (f'<a href="{href}"><img src="previews/{html.escape(preview.name)}" '
                   f'alt="first chart of {html.escape(p.stem)}" loading="lazy"></a>' if preview.is_file()
                   else '<div class="nopreview">no chart preview</div>')
        cards.append(
            f'<li class="card">{picture}<h2><a href="{href}">{html.escape(title_of(src))}</a></h2>'
            f'<p>{html.escape(description_of(src))}</p><code>{html.escape(p.stem)}.ipynb</code></li>')
    items = "\n".join(cards)
    (site / "index.html").write_text(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>anomaly4j notebooks</title>"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
        "body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222}"
        "ul.gallery{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(20em,1fr));gap:1.5em}"
        ".card{border:1px solid #ddd;border-radius:6px;padding:1em;background:#fff}"
        ".card img{display:block;width:100%;height:auto;border-bottom:1px solid #eee}"
        ".card h2{font-size:1.1em;margin:.6em 0 .3em}.card p{margin:.3em 0 .6em;font-size:.95em;line-height:1.4}"
        ".card code{color:#666;font-size:.85em}"
        ".nopreview{height:8em;display:flex;align-items:center;justify-content:center;color:#999;background:#f7f7f7}"
        "</style></head><body>"
        "<h1>anomaly4j notebooks</h1><p>Executed on the Java (anomaly4j) kernel; each picture is the notebook's "
        "first chart.</p>"
        f"<ul class=\"gallery\">\n{items}\n</ul></body></html>\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notebooks", default=str(ROOT / "notebooks"))
    ap.add_argument("--out", default=str(ROOT / "build"))
    ap.add_argument("--force", action="store_true")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()

    nb_dir, out = pathlib.Path(a.notebooks), pathlib.Path(a.out)
    executed_dir, site = out / "notebooks", out / "site"
    site.mkdir(parents=True, exist_ok=True)
    jars = [ROOT / "kernel-ext" / "target" / "anomaly4j.jar",
            ROOT / "kernel-ext" / "launcher" / "target" / "anomaly4j-kernel-launcher.jar"]
    jar_time = max((j.stat().st_mtime for j in jars if j.exists()), default=0)
    sources = sorted(nb_dir.glob("*.ipynb")) if not a.names else [nb_dir / n for n in a.names]
    if not sources:
        print(f"no notebooks in {nb_dir}", file=sys.stderr)
        return 1
    pages, failed = [], []
    for src in sources:
        dst = executed_dir / src.name
        page = site / (src.stem + ".html")
        fresh = (dst.exists() and page.exists() and dst.stat().st_mtime > max(src.stat().st_mtime, jar_time))
        if fresh and not a.force:
            print(f"  {src.name}: up to date ({dst})")
        else:
            print(f"  {src.name}: executing on kernel '{KERNEL}' ...", flush=True)
            try:
                secs = execute(src, dst)
                print(f"  {src.name}: executed in {secs:.1f} s -> {dst}")
            except CellExecutionError as e:
                print(f"  {src.name}: FAILED\n{e}", file=sys.stderr)
                failed.append(src.name)
                continue
        pages.append(export_html(dst, site))
    shutil.copy2(plotly_js(), site / "plotly.min.js")
    print(f"  previews: {make_previews(pages, site)} made")
    write_index(site, [p for p in pages], {s.stem: s for s in sources})
    print(f"\nExecuted notebooks: {executed_dir}/\nHTML site:          {site / 'index.html'}")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
