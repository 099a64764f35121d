package org.anomaly4j.plot;

import java.util.List;

/**
 * The colours of every anomaly4j chart, in one place: the Okabe–Ito palette of eight colours that stay
 * distinct for the common forms of colour-vision deficiency (Okabe &amp; Ito, "Color Universal Design", 2002,
 * jfly.uni-koeln.de/color; recommended by Wong, Nature Methods 8:441, 2011), and Plotly's "Cividis" scale for
 * continuous values (Nuñez, Anderton &amp; Renslow, PLOS ONE 13(7), 2018: designed to read the same with
 * deuteranomaly). Normal rows are always blue, anomalies vermillion, reference lines grey.
 */
public final class Palette {

    public static final String BLACK = "#000000";
    public static final String ORANGE = "#E69F00";
    public static final String SKY_BLUE = "#56B4E9";
    public static final String BLUISH_GREEN = "#009E73";
    public static final String YELLOW = "#F0E442";
    public static final String BLUE = "#0072B2";
    public static final String VERMILLION = "#D55E00";
    public static final String REDDISH_PURPLE = "#CC79A7";

    /** Colour of normal rows (class 0). */
    public static final String NORMAL = BLUE;
    /** Colour of anomalous or flagged rows (class 1). */
    public static final String ANOMALY = VERMILLION;
    /** Colour of reference lines (chance, prevalence, thresholds): a neutral grey, not a data colour. */
    public static final String REFERENCE = "#666666";
    /** Plotly's name of the continuous colour scale used for scores and rates. */
    public static final String SEQUENTIAL = "Cividis";

    /**
     * Series colours in the order charts use them: the Okabe–Ito colours with the strongest contrast on white
     * first, yellow last (it is faint on a white background).
     */
    public static final List<String> SERIES =
            List.of(BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW);

    private Palette() {
    }

    /** The colour of series {@code i} (0-based), cycling after eight. */
    public static String series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }

    /** A colour with an alpha channel, e.g. {@code rgba(0,114,178,0.5)} for {@code ("#0072B2", 0.5)}. */
    static String withAlpha(String hex, double alpha) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return "rgba(" + (rgb >> 16 & 0xff) + "," + (rgb >> 8 & 0xff) + "," + (rgb & 0xff) + "," + alpha + ")";
    }
}
