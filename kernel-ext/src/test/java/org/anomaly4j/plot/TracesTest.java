package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TracesTest {

    @Test
    void textIsEscapedForPlotlyMarkup() {
        assertEquals("a&lt;b&gt; &amp;amp; \"q\"", Traces.text("a<b> &amp; \"q\""));
        assertEquals("", Traces.text(null));
        assertEquals("100 %&#123;x} &lt;br&gt;", Traces.template("100 %{x} <br>"), "no template field, no tag");
    }

    @Test
    void numbersForLegendsAndAnnotations() {
        assertEquals("3", Traces.fmt(3.0));
        assertEquals("0.5", Traces.fmt(0.5));
        assertEquals("0.9123", Traces.fmt(0.912345));
        assertEquals("1.235e+06", Traces.fmt(1234567.8));
        assertEquals("0", Traces.fmt(-Double.MIN_VALUE), "the one-class SVM's threshold");
        assertEquals("-2.5", Traces.fmt(-2.5));
    }

    @Test
    void paletteIsOkabeItoWithClassColours() {
        assertEquals(8, Palette.SERIES.size());
        assertEquals(Palette.NORMAL, Palette.series(0));
        assertEquals(Palette.ANOMALY, Palette.series(1));
        assertEquals(Palette.series(0), Palette.series(8), "cycles after eight");
        assertEquals("rgba(230,159,0,0.25)", Palette.withAlpha(Palette.ORANGE, 0.25));
    }
}
