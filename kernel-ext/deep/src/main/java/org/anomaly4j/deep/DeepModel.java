package org.anomaly4j.deep;

import org.anomaly4j.detect.AbstractModel;
import org.anomaly4j.detect.Inputs;
import org.anomaly4j.detect.ModelInfo;
import org.anomaly4j.detect.TrainingScores;

import tech.tablesaw.api.Table;

/** What every fitted deep model shares: its training history and the input width check. */
public abstract class DeepModel extends AbstractModel {

    private final History history;

    DeepModel(ModelInfo info, TrainingScores scores, History history) {
        super(info, scores);
        this.history = history;
    }

    final History historyRecord() {
        return history;
    }

    /** The loss per epoch: columns epoch, loss, val_loss (NaN without a validation split). */
    public final Table history() {
        return history.table(name());
    }

    /** The epoch whose weights the model kept (the best monitored loss). */
    public final int bestEpoch() {
        return history.bestEpoch();
    }

    /** Rows checked as for {@link #score}: rectangular, finite, one value per feature. */
    final void checkWidth(double[][] x) {
        int d = Inputs.width(x);
        if (d != features().size()) {
            throw new IllegalArgumentException("the model was fitted on " + features().size() + " features "
                    + features() + " but the data has " + d + " columns");
        }
    }

    @Override
    protected String describeState() {
        return history.loss().length + " epochs, best " + history.bestEpoch();
    }
}
