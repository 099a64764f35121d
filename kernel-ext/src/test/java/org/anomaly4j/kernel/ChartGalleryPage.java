package org.anomaly4j.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.anomaly4j.plot.ChartGallery;
import org.anomaly4j.plot.Figure;

/**
 * Writes one offline HTML page with every chart (plain names), then the same charts with hostile text, for a
 * look in a browser: {@code java ... org.anomaly4j.kernel.ChartGalleryPage OUT_DIR} writes
 * {@code OUT_DIR/charts.html}; copy {@code plotly.min.js} (pip plotly's package_data) beside it and open it,
 * or run {@code node src/test/browser/check_pages.mjs OUT_DIR OUT_DIR/charts.html} for a screenshot and a
 * report of page errors and dialogs (an alert would mean the hostile text ran).
 */
public final class ChartGalleryPage {

    private ChartGalleryPage() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/chart-gallery");
        Files.createDirectories(dir);
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>anomaly4j charts</title></head><body style=\"font-family:sans-serif;max-width:1200px\">\n");
        section(page, "Charts", ChartGallery.all(""));
        section(page, "Hostile text", ChartGallery.all(ChartGallery.HOSTILE));
        page.append("</body></html>\n");
        Files.writeString(dir.resolve("charts.html"), page);
        System.out.println(dir.resolve("charts.html").toAbsolutePath());
    }

    private static void section(StringBuilder page, String heading, Map<String, Figure> charts) {
        page.append("<h1>").append(Html.escape(heading)).append("</h1>\n");
        for (Map.Entry<String, Figure> e : charts.entrySet()) {
            page.append("<h2 id=\"").append(Html.escape(heading + " " + e.getKey()).replace(' ', '-')).append("\">")
                    .append(Html.escape(e.getKey())).append("</h2>\n").append(FigureView.html(e.getValue()))
                    .append('\n');
        }
    }
}
