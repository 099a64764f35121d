package org.anomaly4j.deep;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The loss per epoch of a deep fit (validation loss NaN when nothing was held out) and the epoch whose weights
 * the model kept.
 */
record History(double[] loss, double[] valLoss, int bestEpoch) {

    static History of(Training.Result r) {
        return new History(r.loss(), r.valLoss(), r.bestEpoch());
    }

    /** Columns {@code epoch} (from 1), {@code loss}, {@code val_loss}. */
    Table table(String name) {
        int[] epoch = new int[loss.length];
        for (int i = 0; i < epoch.length; i++) {
            epoch[i] = i + 1;
        }
        return Table.create(name + " history", IntColumn.create("epoch", epoch),
                DoubleColumn.create("loss", loss.clone()), DoubleColumn.create("val_loss", valLoss.clone()));
    }

    void write(StateWriter s) {
        // NaN (no validation rows) is not JSON: store the validation losses only when there are some
        StateWriter h = s.object("history").put("loss", loss).put("bestEpoch", bestEpoch);
        if (valLoss.length > 0 && !Double.isNaN(valLoss[0])) {
            h.put("valLoss", valLoss);
        }
    }

    static History read(StateReader s) {
        StateReader h = s.object("history");
        double[] loss = h.numbers("loss", -1);
        if (loss.length == 0) {
            throw h.bad("loss", "is empty: a fit runs at least one epoch");
        }
        double[] val;
        if (h.has("valLoss")) {
            val = h.numbers("valLoss", loss.length);
        } else {
            val = new double[loss.length];
            java.util.Arrays.fill(val, Double.NaN);
        }
        int best = (int) h.integer("bestEpoch", 1, loss.length);
        return new History(loss, val, best);
    }
}
