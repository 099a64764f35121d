package org.anomaly4j.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.anomaly4j.TestData;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import tech.tablesaw.api.Table;

/** The golden files of golden/plot (made by gen_plot.py) and the tables they were computed from. */
final class PlotGolden {

    private PlotGolden() {
    }

    static JsonNode read(String name) {
        try (InputStream in = PlotGolden.class.getResourceAsStream("/golden/plot/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden/plot/" + name + " is missing; run gen_plot.py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return v;
    }

    static long[] longs(JsonNode a) {
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asLong();
        }
        return v;
    }

    static Table hive17() {
        return Csv.read(TestData.file("beehives/Hive17"), CsvOptions.separator(';'));
    }

    static Table creditcard() {
        return Csv.read(TestData.file("creditcard"), CsvOptions.defaults());
    }
}
