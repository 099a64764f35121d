package org.anomaly4j;

import java.nio.file.Path;

import org.anomaly4j.features.Agg;
import org.anomaly4j.data.Clean;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.data.Describe;
import org.anomaly4j.features.Ewm;
import org.anomaly4j.data.FillStrategy;
import org.anomaly4j.data.How;
import org.anomaly4j.data.Keep;
import org.anomaly4j.features.Matrices;
import org.anomaly4j.features.MinMaxScaler;
import org.anomaly4j.data.NumericConversion;
import org.anomaly4j.features.OneHotEncoder;
import org.anomaly4j.features.OrdinalEncoder;
import org.anomaly4j.io.ReadResult;
import org.anomaly4j.features.RobustScaler;
import org.anomaly4j.features.Rolling;
import org.anomaly4j.features.Resample;
import org.anomaly4j.features.Shifts;
import org.anomaly4j.features.SlidingWindows;
import org.anomaly4j.features.Split;
import org.anomaly4j.features.TimeFeatures;
import org.anomaly4j.features.TrainTestSplit;
import org.anomaly4j.features.StandardScaler;
import org.anomaly4j.eval.ClassificationReport;
import org.anomaly4j.eval.ConfusionMatrix;
import org.anomaly4j.eval.CostAnalysis;
import org.anomaly4j.eval.EvalInputs;
import org.anomaly4j.eval.Evaluation;
import org.anomaly4j.eval.Metrics;
import org.anomaly4j.eval.PrecisionRecallCurve;
import org.anomaly4j.eval.RocCurve;
import org.anomaly4j.eval.ThresholdChoice;
import org.anomaly4j.eval.ThresholdSearch;
import org.anomaly4j.eval.Tuning;
import org.anomaly4j.features.Synthetic;
import org.anomaly4j.detect.Detector;
import org.anomaly4j.detect.Ensemble;
import org.anomaly4j.detect.Model;
import org.anomaly4j.detect.GeneralizedEsd;
import org.anomaly4j.detect.Grubbs;
import org.anomaly4j.detect.IqrFences;
import org.anomaly4j.detect.IsolationForest;
import org.anomaly4j.detect.ModifiedZScore;
import org.anomaly4j.detect.OneClassSvm;
import org.anomaly4j.detect.ZScore;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.kernel.Progress;
import org.anomaly4j.plot.AnomalyScatterChart;
import org.anomaly4j.plot.Figure;
import org.anomaly4j.plot.LineChart;
import org.anomaly4j.plot.ScatterChart;
import org.anomaly4j.plot.TablesawFigures;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;

/**
 * The one-call functions notebooks use. The kernel imports this class statically, so a cell reads
 * {@code readCsv(dataset("beehives/Hive17"), CsvOptions.separator(';'))} with no imports.
 * Each method delegates to the class in its package that owns the work. The methods are grouped in the
 * order a notebook uses them: 1. load, 2. inspect, 3. clean, 4. features, 5. detect, 6. evaluate, 7. chart.
 */
public final class A4j {

    private A4j() {
    }

    // ================================================================== 1. load

    /**
     * Local path of a named dataset (see {@link Datasets}): from {@code $ANOMALY4J_DATA}, the user cache, or
     * a download verified against the manifest's sha256, with its progress shown in the cell.
     */
    public static Path dataset(String name) {
        return Datasets.fromEnvironment(Progress.bytes("Downloading " + name)).resolve(name);
    }

    /** Reads a CSV file (plain or gzip) with pandas-like defaults. */
    public static Table readCsv(Path file) {
        return Csv.read(file, CsvOptions.defaults());
    }

    /** Reads a CSV file (plain or gzip) with the given options. */
    public static Table readCsv(Path file, CsvOptions options) {
        return Csv.read(file, options);
    }

    /** Reads a CSV file and reports what was inferred: per column type, missing count, notes. */
    public static ReadResult readCsvWithReport(Path file, CsvOptions options) {
        return Csv.readWithReport(file, options);
    }

    // ================================================================== 2. inspect (pandas names)

    /** pandas {@code describe()}: count, mean, std (ddof=1), min, 25/50/75 %, max of numeric columns. */
    public static Table describe(Table table, String... columns) {
        return Describe.describe(table, columns);
    }

    /** pandas {@code describe(include='object')}: count, unique, top, freq of text columns. */
    public static Table describeText(Table table, String... columns) {
        return Describe.describeText(table, columns);
    }

    /** One row per column: type, non-null and missing counts, estimated bytes. */
    public static Table info(Table table) {
        return Describe.info(table);
    }

    /** pandas {@code isna().sum()}: missing values per column. */
    public static Table missing(Table table) {
        return Describe.missing(table);
    }

    /** pandas {@code value_counts()}: values by descending count (ties in first-appearance order). */
    public static Table valueCounts(Table table, String column) {
        return Describe.valueCounts(table, column);
    }

    /** pandas {@code value_counts(normalize=...)}: proportions when {@code normalize}. */
    public static Table valueCounts(Table table, String column, boolean normalize) {
        return Describe.valueCounts(table, column, normalize);
    }

    /** pandas {@code duplicated()} (keep first) over the given columns, or all columns. */
    public static BooleanColumn duplicated(Table table, String... subset) {
        return Clean.duplicated(table, Keep.FIRST, subset);
    }

    /** pandas {@code duplicated().sum()}. */
    public static int duplicatedCount(Table table, String... subset) {
        return Describe.duplicatedCount(table, subset);
    }

    /** Pearson correlation matrix over pairwise-complete rows, as pandas {@code corr()}. */
    public static Table corr(Table table, String... columns) {
        return Describe.corr(table, columns);
    }

    // ================================================================== 3. clean

    /** pandas {@code dropna()}: rows with any missing value removed. */
    public static Table dropMissing(Table table) {
        return Clean.dropMissing(table);
    }

    /** pandas {@code dropna(how=..., subset=...)}. */
    public static Table dropMissing(Table table, How how, String... subset) {
        return Clean.dropMissing(table, how, subset);
    }

    /** Fills missing values: {@code FillStrategy.mean()}, {@code median()}, {@code ffill()}, {@code interpolate()}... */
    public static Table fillMissing(Table table, FillStrategy strategy, String... columns) {
        return Clean.fillMissing(table, strategy, columns);
    }

    /** pandas {@code drop_duplicates()}: first of each group of equal rows kept. */
    public static Table dropDuplicates(Table table) {
        return Clean.dropDuplicates(table);
    }

    /** pandas {@code drop_duplicates(subset=..., keep=...)}. */
    public static Table dropDuplicates(Table table, Keep keep, String... subset) {
        return Clean.dropDuplicates(table, keep, subset);
    }

    /** pandas {@code to_numeric(errors='coerce')}, with a report of every cell that could not be read. */
    public static NumericConversion toNumeric(Table table, String column) {
        return Clean.toNumeric(table, column);
    }

    /** pandas {@code clip(lower, upper)} of one column. */
    public static Table clip(Table table, String column, double lower, double upper) {
        return Clean.clip(table, column, lower, upper);
    }

    /** Clips a column at its own quantiles (linear interpolation), e.g. 0.01 and 0.99. */
    public static Table winsorize(Table table, String column, double lowerQuantile, double upperQuantile) {
        return Clean.winsorize(table, column, lowerQuantile, upperQuantile);
    }

    /** {@code log(1 + x)} of a column; values below -1 are an error naming the first row. */
    public static Table log1p(Table table, String column) {
        return Clean.log1p(table, column);
    }

    /** {@code sign(x)·log(1 + |x|)}: a log scale that keeps the sign, for heavy tails on both sides. */
    public static Table signedLog1p(Table table, String column) {
        return Clean.signedLog1p(table, column);
    }

    // ================================================================== 4. features: scalers and encoders (fit, then transform)

    /** scikit-learn {@code StandardScaler}: {@code standardScaler().fit(t, "a", "b").transform(t)}. */
    public static StandardScaler standardScaler() {
        return StandardScaler.with();
    }

    /** scikit-learn {@code MinMaxScaler}. */
    public static MinMaxScaler minMaxScaler() {
        return MinMaxScaler.with();
    }

    /** scikit-learn {@code RobustScaler} (median and IQR). */
    public static RobustScaler robustScaler() {
        return RobustScaler.with();
    }

    /** scikit-learn {@code OneHotEncoder} with pandas {@code get_dummies} column names. */
    public static OneHotEncoder oneHotEncoder() {
        return OneHotEncoder.with();
    }

    /** scikit-learn {@code OrdinalEncoder}. */
    public static OrdinalEncoder ordinalEncoder() {
        return OrdinalEncoder.with();
    }

    // ================================================================== 4. features: time series, matrices, splits

    /** pandas {@code rolling(window)}: {@code rolling(24).center(true).mean(hive, "T17")} adds T17_rolling_24_mean. */
    public static Rolling rolling(int window) {
        return Rolling.window(window);
    }

    /** pandas {@code ewm(span=...)}: exponentially weighted mean/var/std options. */
    public static Ewm ewmSpan(double span) {
        return Ewm.span(span);
    }

    /** pandas {@code ewm(alpha=...)}. */
    public static Ewm ewmAlpha(double alpha) {
        return Ewm.alpha(alpha);
    }

    /** pandas {@code diff(periods)}: adds {@code <col>_diff_<p>}. */
    public static Table diff(Table table, String column, int periods) {
        return Shifts.diff(table, column, periods);
    }

    /** pandas {@code pct_change(periods)} (no forward fill): adds {@code <col>_pct_change_<p>}. */
    public static Table pctChange(Table table, String column, int periods) {
        return Shifts.pctChange(table, column, periods);
    }

    /** pandas {@code shift(periods)}: adds {@code <col>_shift_<p>}. */
    public static Table shift(Table table, String column, int periods) {
        return Shifts.shift(table, column, periods);
    }

    /** One {@code <col>_lag_<k>} column per lag. */
    public static Table lags(Table table, String column, int... lags) {
        return Shifts.lags(table, column, lags);
    }

    /** pandas {@code resample(rule).agg()}: {@code resample(taxi, "timestamp", "1h", Agg.MEAN, "value")}. */
    public static Table resample(Table table, String timeColumn, String rule, Agg agg, String... valueColumns) {
        return Resample.resample(table, timeColumn, rule, agg, valueColumns);
    }

    /** Hour, day of week (Monday = 0), month, weekend flag and cyclic sin/cos features of a time column. */
    public static Table timeFeatures(Table table, String timeColumn) {
        return TimeFeatures.timeFeatures(table, timeColumn);
    }

    /** Overlapping windows of a series for sequence models: {@code [count][window]}. */
    public static double[][] slidingWindows(double[] x, int window, int stride) {
        return SlidingWindows.of(x, window, stride);
    }

    /** Windows over several columns, row-major {@code [count][window × columns]}. */
    public static double[][] slidingWindows(Table table, int window, int stride, String... columns) {
        return SlidingWindows.of(table, window, stride, columns);
    }

    /** The named numeric columns as a row-major {@code double[rows][columns]}. */
    public static double[][] toArray(Table table, String... columns) {
        return Matrices.toArray(table, columns);
    }

    /** A table from a row-major matrix, with column names. */
    public static Table toTable(double[][] x, String... names) {
        return Matrices.toTable(x, names);
    }

    /** scikit-learn {@code train_test_split} sizes: {@code n_test = ceil(testSize·n)}. */
    public static Split trainTestSplit(Table table, double testSize, long seed, boolean shuffle) {
        return TrainTestSplit.trainTestSplit(table, testSize, seed, shuffle);
    }

    /** A split with options, e.g. {@code TrainTestSplit.testSize(0.25).seed(0).stratify("Class")}. */
    public static Split trainTestSplit(Table table, TrainTestSplit options) {
        return options.split(table);
    }

    /** First part train, the rest test, in row order. */
    public static Split timeSplit(Table table, double testSize) {
        return TrainTestSplit.timeSplit(table, testSize);
    }

    /** Seeded Gaussian blobs with injected anomalies: columns x0.., label (1 = anomaly). */
    public static Table syntheticBlobs(int normal, int dimensions, int anomalies, long seed) {
        return Synthetic.blobs(normal, dimensions, anomalies, seed);
    }

    /** A seeded seasonal series with injected spikes, level shifts and noise bursts: timestamp, value, label, kind. */
    public static Table syntheticSeries(int length, long seed) {
        return Synthetic.timeSeries(length, seed);
    }

    // ================================================================== 5. detect

    /** Z-score detector (|z| &gt; 3 by default). */
    public static ZScore zScore() {
        return ZScore.with();
    }

    /** Modified z-score on median and MAD (Iglewicz &amp; Hoaglin; |M| &gt; 3.5 by default). */
    public static ModifiedZScore modifiedZScore() {
        return ModifiedZScore.with();
    }

    /** Tukey's IQR fences (k = 1.5 by default). */
    public static IqrFences iqrFences() {
        return IqrFences.with();
    }

    /** Iterated two-sided Grubbs test (alpha 0.05). */
    public static Grubbs grubbs() {
        return Grubbs.with();
    }

    /** Rosner's generalized ESD test (alpha 0.05). */
    public static GeneralizedEsd generalizedEsd() {
        return GeneralizedEsd.with();
    }

    /** Isolation Forest with scikit-learn's defaults: {@code isolationForest().trees(100).seed(0)}. */
    public static IsolationForest isolationForest() {
        return IsolationForest.with();
    }

    /** One-class SVM equal to scikit-learn's: {@code oneClassSvm().nu(0.1).gamma(0.05)}. */
    public static OneClassSvm oneClassSvm() {
        return OneClassSvm.with();
    }

    /** An ensemble (default: isolation forest and z-score, rank-normalised and averaged); {@code members(...)}. */
    public static Ensemble ensemble() {
        return Ensemble.with();
    }

    /** An ensemble of these detectors, rank-normalised and averaged: {@code ensemble(isolationForest(), knn())}. */
    public static Ensemble ensemble(Detector<?> first, Detector<?>... more) {
        Detector<?>[] all = new Detector<?>[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return Ensemble.of(all);
    }

    /**
     * Fits a detector on the named columns and returns a copy of the table with {@code <name>_score} and
     * {@code <name>_anomaly} columns: {@code detect(hive, iqrFences(), "T17", "RH17")}.
     */
    public static Table detect(Table table, Detector<?> detector, String... columns) {
        Model m = detector.fit(table, columns);
        return m.withScores(table, m.trainingScores());
    }

    // ================================================================== 6. evaluate

    /** ROC-AUC of a score column against a 0/1 or boolean label column (scikit-learn {@code roc_auc_score}). */
    public static double rocAuc(Table table, String labels, String scores) {
        return Metrics.rocAuc(EvalInputs.labels(table, labels), EvalInputs.scores(table, scores));
    }

    /** Average precision, scikit-learn's step definition ({@code average_precision_score}). */
    public static double averagePrecision(Table table, String labels, String scores) {
        return Metrics.averagePrecision(EvalInputs.labels(table, labels), EvalInputs.scores(table, scores));
    }

    /** Trapezoid area under the precision-recall curve ({@code auc(recall, precision)}). */
    public static double prAuc(Table table, String labels, String scores) {
        return Metrics.prAuc(EvalInputs.labels(table, labels), EvalInputs.scores(table, scores));
    }

    /** ROC curve points (scikit-learn {@code roc_curve}, drop_intermediate). */
    public static RocCurve rocCurve(Table table, String labels, String scores) {
        return RocCurve.of(EvalInputs.labels(table, labels), EvalInputs.scores(table, scores));
    }

    /** Precision-recall curve points (scikit-learn {@code precision_recall_curve}). */
    public static PrecisionRecallCurve prCurve(Table table, String labels, String scores) {
        return PrecisionRecallCurve.of(EvalInputs.labels(table, labels), EvalInputs.scores(table, scores));
    }

    /** Confusion matrix of a prediction column (boolean or 0/1) against the labels. */
    public static ConfusionMatrix confusion(Table table, String labels, String predicted) {
        return ConfusionMatrix.of(EvalInputs.labels(table, labels), EvalInputs.predictions(table, predicted));
    }

    /** scikit-learn's {@code classification_report} as a table. */
    public static Table classificationReport(Table table, String labels, String predicted) {
        return ClassificationReport.of(EvalInputs.labels(table, labels), EvalInputs.predictions(table, predicted));
    }

    /** The headline metrics at the best-F1 threshold (ROC-AUC, AP, PR-AUC, precision, recall, F1, MCC, confusion). */
    public static Evaluation evaluate(Table table, String labels, String scores) {
        return Evaluation.of(table, labels, scores, null);
    }

    /** The headline metrics with rows flagged at {@code score >= threshold}. */
    public static Evaluation evaluate(Table table, String labels, String scores, double threshold) {
        return Evaluation.of(table, labels, scores, threshold);
    }

    /** The threshold with the highest F1 ({@link ThresholdSearch} has Youden's J, cost and targets). */
    public static ThresholdChoice bestThreshold(Table table, String labels, String scores) {
        return ThresholdSearch.maxF1(EvalInputs.labels(table, labels), EvalInputs.scores(table, scores));
    }

    /** Total cost at every threshold for a cost per false positive and per false negative; {@code cheapest()}. */
    public static CostAnalysis costAnalysis(Table table, String labels, String scores, double costFp, double costFn) {
        return CostAnalysis.of(EvalInputs.labels(table, labels), EvalInputs.scores(table, scores), costFp, costFn);
    }

    /**
     * Grid search by stratified k-fold cross-validation: {@code tune(oneClassSvm(), Map.of("nu", List.of(0.01,
     * 0.05, 0.1), "gamma", List.of(0.01, 0.1, "scale")), fraud, "Class", Tuning.Metric.ROC_AUC, 5, 0)}; the result's
     * {@code table()} has every combination's mean ± std, {@code best()} the chosen detector.
     */
    public static Tuning.Result tune(Detector<?> detector, java.util.Map<String, java.util.List<?>> grid, Table table,
                                     String labelColumn, Tuning.Metric metric, int folds, long seed, String... columns) {
        return Tuning.search(detector, grid, table, labelColumn, metric, folds, seed, columns);
    }

    // ================================================================== 7. chart

    /** Scatter plot of {@code y} against {@code x}, titled "y vs x". */
    public static Figure scatter(Table table, String x, String y) {
        return ScatterChart.create(y + " vs " + x, table, x, y);
    }

    /** Scatter of {@code y} against {@code x} with the rows where boolean column {@code flag} is true in red. */
    public static Figure scatter(Table table, String x, String y, String flag) {
        return AnomalyScatterChart.create(y + " vs " + x + ", " + flag, table, x, y, flag);
    }

    /** Line of {@code y} over {@code x} in row order, titled "y over x". */
    public static Figure line(Table table, String x, String y) {
        return LineChart.create(y + " over " + x, table, x, y);
    }

    /** A tablesaw-jsplot figure as an anomaly4j figure (titles, axes and traces kept). */
    public static Figure figure(tech.tablesaw.plotly.components.Figure tablesawFigure) {
        return TablesawFigures.convert(tablesawFigure);
    }
}
