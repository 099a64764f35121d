package org.anomaly4j.plot;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Several figures in one, on a grid of {@code rows × cols} cells filled row by row (like plotly.py's
 * {@code make_subplots}): each figure keeps its traces, axes (titles, ranges, secondary axes), shapes and
 * annotations, moved to its cell, and its title becomes the cell's heading. One legend lists every trace,
 * grouped and headed by the figure it came from.
 * <p>Axes are shared where they fit: figures in one column whose x axes have the same title (and type) get
 * x axes that zoom together ({@code matches}), with the title written once under the bottom one; likewise
 * y axes across a row, titled once on the left. Colour bars move beside their cell.
 * <p>Each figure's axis {@code x}, {@code x2}, ... is renumbered to a fresh {@code x<k>}; references to it
 * ({@code anchor}, {@code overlaying}, {@code scaleanchor}, {@code matches}, trace {@code xaxis}, shape and
 * annotation {@code xref}) follow, and {@code "paper"} references become the cell's {@code "x<k> domain"}.
 * A scatter matrix ({@code splom}) lays out its own grid and cannot go in a cell.
 */
public final class Subplots {

    private static final double H_GAP = 0.08;
    private static final double H_GAP_COLORBAR = 0.16;
    /** Plot height of a cell and the gap below it (tick labels, axis title, next heading), in pixels. */
    private static final int CELL_PX = 320;
    private static final int GAP_PX = 130;
    private static final int MARGIN_TOP_PX = 100;
    private static final int MARGIN_BOTTOM_PX = 80;

    private Subplots() {
    }

    /**
     * @param figures at most {@code rows·cols} figures, placed row by row; null leaves a cell empty
     */
    public static Figure create(String title, int rows, int cols, Figure... figures) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be ≥ 1, got " + rows + " × " + cols);
        }
        if (figures == null || figures.length == 0) {
            throw new IllegalArgumentException("Pass at least one figure to arrange");
        }
        if (figures.length > rows * cols) {
            throw new IllegalArgumentException(figures.length + " figures do not fit a " + rows + " × " + cols
                    + " grid; use more rows or columns (e.g. " + ((figures.length + cols - 1) / cols) + " × " + cols
                    + ")");
        }
        boolean colorbars = false;
        for (int k = 0; k < figures.length; k++) {
            if (figures[k] == null) {
                continue;
            }
            for (JsonNode t : figures[k].toJsonNode().get("data")) {
                String type = t.path("type").asText("scatter");
                if (type.equals("splom")) {
                    throw new IllegalArgumentException("Figure " + k + " is a scatter matrix (splom), which lays "
                            + "out its own grid; show it on its own");
                }
                colorbars |= hasColorbar(t);
            }
        }
        double hGap = colorbars ? H_GAP_COLORBAR : H_GAP;
        double w = (1 - (cols - 1) * hGap) / cols;
        int areaPx = rows * CELL_PX + (rows - 1) * GAP_PX;
        double h = (double) CELL_PX / areaPx;
        double vGap = (double) GAP_PX / areaPx;
        boolean lastColumnBar = false;

        ArrayNode data = Traces.array();
        ObjectNode layout = Traces.object();
        layout.set("title", Figure.titleNode(Traces.text(title)));
        ArrayNode shapes = Traces.array();
        ArrayNode annotations = Traces.array();
        int[] next = {1, 1}; // next free x and y axis numbers
        String[][] primaryX = new String[rows][cols];
        String[][] primaryY = new String[rows][cols];
        String[][] xTitle = new String[rows][cols];
        String[][] yTitle = new String[rows][cols];
        for (int k = 0; k < figures.length; k++) {
            if (figures[k] == null) {
                continue;
            }
            int r = k / cols;
            int c = k % cols;
            double[] xd = {c * (w + hGap), c * (w + hGap) + w};
            double[] yd = {1 - r * (h + vGap) - h, 1 - r * (h + vGap)};
            ObjectNode spec = figures[k].toJsonNode();
            ObjectNode fl = (ObjectNode) spec.get("layout");
            Map<String, String> ids = new HashMap<>();
            // every axis the figure names, in its layout or its traces, gets a fresh number
            ids.put("x", axisId('x', next[0]++));
            ids.put("y", axisId('y', next[1]++));
            for (Iterator<String> it = fl.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (key.matches("[xy]axis\\d+")) {
                    String id = key.charAt(0) + key.substring(5);
                    ids.computeIfAbsent(id, a -> axisId(a.charAt(0), next[a.charAt(0) == 'x' ? 0 : 1]++));
                }
            }
            for (JsonNode t : spec.get("data")) {
                for (String ax : new String[] {"xaxis", "yaxis"}) {
                    String id = t.path(ax).asText(ax.substring(0, 1));
                    ids.computeIfAbsent(id, a -> axisId(a.charAt(0), next[a.charAt(0) == 'x' ? 0 : 1]++));
                }
            }
            for (Map.Entry<String, String> e : ids.entrySet()) {
                String old = e.getKey();
                String key = old.charAt(0) + "axis" + old.substring(1);
                ObjectNode axis = fl.has(key) && fl.get(key).isObject() ? (ObjectNode) fl.get(key).deepCopy()
                        : Traces.object();
                for (String ref : new String[] {"anchor", "overlaying", "scaleanchor", "matches"}) {
                    if (axis.has(ref) && ids.containsKey(axis.get(ref).asText())) {
                        axis.put(ref, ids.get(axis.get(ref).asText()));
                    }
                }
                boolean isX = old.charAt(0) == 'x';
                if (!axis.has("anchor") || axis.get("anchor").asText().equals("free")) {
                    axis.put("anchor", ids.get(isX ? "y" : "x"));
                }
                double[] d = isX ? xd : yd;
                axis.putArray("domain").add(d[0]).add(d[1]);
                layout.set(Figure.layoutAxisKey(e.getValue()), axis);
            }
            primaryX[r][c] = ids.get("x");
            primaryY[r][c] = ids.get("y");
            xTitle[r][c] = fl.path("xaxis").path("title").path("text").asText("") + "|"
                    + fl.path("xaxis").path("type").asText("");
            yTitle[r][c] = fl.path("yaxis").path("title").path("text").asText("") + "|"
                    + fl.path("yaxis").path("type").asText("");
            String group = "figure " + (k + 1);
            String heading = fl.path("title").path("text").asText("");
            String titled = null; // the figure's first legend group shown gets the figure's title as heading
            for (JsonNode tn : spec.get("data")) {
                ObjectNode t = (ObjectNode) tn;
                String own = t.path("legendgroup").asText("");
                t.put("legendgroup", own.isEmpty() ? group : group + ": " + own);
                if (titled == null && t.path("showlegend").asBoolean(true)) {
                    titled = t.get("legendgroup").asText();
                }
            }
            for (JsonNode tn : spec.get("data")) {
                ObjectNode t = (ObjectNode) tn;
                t.put("xaxis", ids.get(t.path("xaxis").asText("x")));
                t.put("yaxis", ids.get(t.path("yaxis").asText("y")));
                if (!heading.isEmpty() && t.get("legendgroup").asText().equals(titled)) {
                    // on every trace of that group: plotly.js reads the title from the first one it shows
                    t.putObject("legendgrouptitle").put("text", heading);
                }
                if (hasColorbar(t)) {
                    lastColumnBar |= c == cols - 1;
                    ObjectNode bar = t.has("colorbar") ? (ObjectNode) t.get("colorbar") : t.putObject("colorbar");
                    bar.put("x", xd[1] + 0.01).put("xanchor", "left").put("y", (yd[0] + yd[1]) / 2)
                            .put("yanchor", "middle").put("len", yd[1] - yd[0]).put("thickness", 14);
                }
                data.add(t);
            }
            for (JsonNode s : fl.path("shapes")) {
                shapes.add(remapRefs((ObjectNode) s, ids));
            }
            for (JsonNode a : fl.path("annotations")) {
                annotations.add(remapRefs((ObjectNode) a, ids));
            }
            if (!heading.isEmpty()) {
                ObjectNode a = annotations.addObject();
                a.put("text", "<b>" + heading + "</b>").put("showarrow", false);
                a.put("xref", "paper").put("yref", "paper").put("x", (xd[0] + xd[1]) / 2).put("y", yd[1]);
                a.put("xanchor", "center").put("yanchor", "bottom").put("yshift", 6);
                a.putObject("font").put("size", 14);
            }
            for (String key : new String[] {"barmode", "bargap"}) {
                if (fl.has(key) && !layout.has(key)) {
                    layout.set(key, fl.get(key));
                }
            }
        }
        share(layout, primaryX, xTitle, true);
        share(layout, primaryY, yTitle, false);
        layout.set("shapes", shapes);
        layout.set("annotations", annotations);
        layout.put("height", areaPx + MARGIN_TOP_PX + MARGIN_BOTTOM_PX);
        layout.putObject("margin").put("t", MARGIN_TOP_PX).put("b", MARGIN_BOTTOM_PX);
        // on the right, past the last column's colour bars when it has any
        layout.set("legend", Traces.legend(null).put("x", lastColumnBar ? 1.1 : 1.02).put("y", 1)
                .put("yanchor", "top").put("tracegroupgap", 12).put("groupclick", "toggleitem"));
        layout.put("showlegend", true);
        layout.put("hovermode", "closest");
        return Figure.of(data, layout);
    }

    /**
     * Links axes with the same title and type along each column (x) or row (y): all but the first match it,
     * and only the bottom (x) or left (y) one keeps its title.
     */
    private static void share(ObjectNode layout, String[][] ids, String[][] titles, boolean x) {
        int lines = x ? ids[0].length : ids.length;
        int along = x ? ids.length : ids[0].length;
        for (int l = 0; l < lines; l++) {
            String first = null;
            String title = null;
            boolean same = true;
            int count = 0;
            for (int a = 0; a < along; a++) {
                int r = x ? a : l;
                int c = x ? l : a;
                if (ids[r][c] == null) {
                    continue;
                }
                count++;
                if (first == null) {
                    first = ids[r][c];
                    title = titles[r][c];
                } else if (!titles[r][c].equals(title)) {
                    same = false;
                }
            }
            if (count < 2 || !same || title.startsWith("|")) {
                continue;
            }
            int kept = x ? -1 : Integer.MAX_VALUE;
            for (int a = 0; a < along; a++) {
                int r = x ? a : l;
                int c = x ? l : a;
                if (ids[r][c] != null) {
                    kept = x ? Math.max(kept, a) : Math.min(kept, a);
                }
            }
            for (int a = 0; a < along; a++) {
                int r = x ? a : l;
                int c = x ? l : a;
                if (ids[r][c] == null) {
                    continue;
                }
                ObjectNode axis = (ObjectNode) layout.get(Figure.layoutAxisKey(ids[r][c]));
                if (!ids[r][c].equals(first)) {
                    axis.put("matches", first);
                }
                if (a != kept) {
                    axis.remove("title");
                }
            }
        }
    }

    /** A shape or annotation with its axis references renamed; "paper" becomes the cell's axis domain. */
    private static ObjectNode remapRefs(ObjectNode item, Map<String, String> ids) {
        ObjectNode o = item.deepCopy();
        for (String ref : new String[] {"xref", "yref", "axref", "ayref"}) {
            String dflt = ref.contains("x") ? "x" : "y";
            if (ref.startsWith("a") && !o.has(ref)) {
                continue; // arrow offsets default to pixels
            }
            // plotly.js's default reference is the first axis (x, y), not the paper
            String v = o.path(ref).asText(dflt);
            String[] parts = v.split(" ", 2);
            if (v.equals("paper")) {
                o.put(ref, ids.get(dflt) + " domain");
            } else if (ids.containsKey(parts[0])) {
                o.put(ref, ids.get(parts[0]) + (parts.length > 1 ? " " + parts[1] : ""));
            }
        }
        return o;
    }

    /** Plotly's axis id: {@code x}, {@code x2}, {@code x3}... (there is no {@code x1}). */
    private static String axisId(char letter, int n) {
        return n == 1 ? String.valueOf(letter) : letter + Integer.toString(n);
    }

    private static boolean hasColorbar(JsonNode t) {
        String type = t.path("type").asText("scatter");
        boolean scaled = type.equals("heatmap") || type.equals("contour") || type.equals("histogram2d")
                || type.equals("histogram2dcontour");
        return scaled && t.path("showscale").asBoolean(true);
    }
}
