package org.anomaly4j.eval;

/**
 * A threshold chosen by {@link ThresholdSearch} or {@link CostAnalysis#cheapest()}, with the value of the criterion
 * there and the confusion matrix of {@code score >= threshold}.
 *
 * @param criterion what was optimised ("max f1", "max youden j", "min cost", "precision >= 0.9", ...)
 * @param threshold the chosen score; rows with {@code score >= threshold} are flagged (+∞ flags nothing)
 * @param value     the criterion's value at the threshold (F1, J, cost, precision or recall)
 * @param confusion the confusion matrix at the threshold
 */
public record ThresholdChoice(String criterion, double threshold, double value, ConfusionMatrix confusion) {

    /** Precision at the threshold. */
    public double precision() {
        return confusion.precision();
    }

    /** Recall (true positive rate) at the threshold. */
    public double recall() {
        return confusion.recall();
    }

    /** F1 at the threshold. */
    public double f1() {
        return confusion.f1();
    }

    /** False positive rate at the threshold. */
    public double fpr() {
        return confusion.fpr();
    }
}
