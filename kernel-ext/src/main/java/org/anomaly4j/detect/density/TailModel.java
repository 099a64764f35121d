package org.anomaly4j.detect.density;

/**
 * A fitted ECOD or COPOD model: the sorted training columns, the rule that combines each feature's tails, and
 * the training scores. Made by {@link Ecod#fit} and {@link Copod#fit}; the restore constructor rebuilds it from
 * a model file. See {@link EmpiricalTails} for the tail probabilities and how new rows are ranked.
 */
public final class TailModel {

    /** How the per-feature tails O_left, O_right and the skewness-corrected O_skew make the feature's score. */
    public enum Rule {
        /** max(O_left, O_right, O_skew) — PyOD's ECOD. */
        ECOD(Ecod.ALGORITHM),
        /** max(O_skew, (O_left + O_right) / 2) — PyOD's COPOD. */
        COPOD(Copod.ALGORITHM);

        private final String algorithm;

        Rule(String algorithm) {
            this.algorithm = algorithm;
        }

        double combine(double left, double right, double skew) {
            return this == ECOD ? Math.max(skew, Math.max(left, right)) : Math.max(skew, (left + right) / 2);
        }
    }

    private final Rule rule;
    private final EmpiricalTails tails;
    private final double[] trainingScores;

    private TailModel(Rule rule, EmpiricalTails tails, double[] trainingScores) {
        this.rule = rule;
        this.tails = tails;
        this.trainingScores = trainingScores;
    }

    /** Fits on {@code x} (n ≥ 2 finite rows; not modified). */
    static TailModel fit(Rule rule, double[][] x) {
        Checks.fit(x, 2, rule.algorithm);
        EmpiricalTails tails = new EmpiricalTails(EmpiricalTails.sortedColumns(x));
        return new TailModel(rule, tails, tails.scoreTraining(x, rule));
    }

    /**
     * Restores a fitted state: the rule, {@code sortedColumns[j]} = the training values of feature j in ascending
     * order (all of the same length n ≥ 2), {@code trainingScores} = the n training scores. Copied, validated.
     */
    public TailModel(Rule rule, double[][] sortedColumns, double[] trainingScores) {
        this(validRule(rule), new EmpiricalTails(EmpiricalTails.validSorted(sortedColumns)),
                Checks.state("trainingScores", trainingScores, sortedColumns[0].length));
    }

    private static Rule validRule(Rule rule) {
        if (rule == null) {
            throw new IllegalArgumentException("rule is null; use ECOD or COPOD");
        }
        return rule;
    }

    /** Σ_j of the rule's per-feature score for each row, ranked among the training values plus itself. */
    public double[] score(double[][] x) {
        Checks.score(x, tails.features(), rule.algorithm);
        return tails.scoreNew(x, rule);
    }

    /**
     * Per-feature scores of each row (n × d; PyOD's {@code O} matrix for that row): they sum to {@link #score}, so
     * the largest names the feature in the most extreme tail — an {@code explain} for ECOD and COPOD.
     */
    public double[][] contributions(double[][] x) {
        Checks.score(x, tails.features(), rule.algorithm);
        return tails.contributions(x, rule);
    }

    public double[] trainingScores() {
        return trainingScores.clone();
    }

    /** The training values of each feature, ascending (a copy): with the rule and the scores, the whole state. */
    public double[][] sortedColumns() {
        return tails.sorted();
    }

    public Rule rule() {
        return rule;
    }

    public int features() {
        return tails.features();
    }
}
