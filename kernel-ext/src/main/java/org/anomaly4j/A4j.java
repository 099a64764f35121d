package org.anomaly4j;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.data.Columns;
import org.anomaly4j.plot.AnomalyTimelineChart;
import org.anomaly4j.plot.BoxPlot;
import org.anomaly4j.plot.ConfusionMatrixChart;
import org.anomaly4j.plot.Curve;
import org.anomaly4j.plot.DecisionBoundaryChart;
import org.anomaly4j.plot.Histogram;
import org.anomaly4j.plot.PrecisionRecallChart;
import org.anomaly4j.plot.RocChart;
import org.anomaly4j.plot.ScatterMatrix;
import org.anomaly4j.plot.ScoreDistributionChart;
import org.anomaly4j.plot.Subplots;
import org.anomaly4j.plot.ThresholdImpactChart;

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
import org.anomaly4j.timeseries.Arima;
import org.anomaly4j.timeseries.ArimaResult;
import org.anomaly4j.timeseries.ContextualBaseline;
import org.anomaly4j.timeseries.ControlChart;
import org.anomaly4j.timeseries.Ets;
import org.anomaly4j.timeseries.EwmaChart;
import org.anomaly4j.timeseries.MatrixProfile;
import org.anomaly4j.timeseries.NabCorpus;
import org.anomaly4j.timeseries.NabDetector;
import org.anomaly4j.timeseries.NabRunner;
import org.anomaly4j.timeseries.NabScorer;
import org.anomaly4j.timeseries.NabSurprise;
import org.anomaly4j.timeseries.RollingZScore;
import org.anomaly4j.timeseries.SeasonalEsd;
import org.anomaly4j.timeseries.SeasonalEsdResult;
import org.anomaly4j.timeseries.Stl;
import org.anomaly4j.timeseries.StlResult;
import org.anomaly4j.detect.Detector;
import org.anomaly4j.detect.Copod;
import org.anomaly4j.detect.Ecod;
import org.anomaly4j.detect.EllipticEnvelope;
import org.anomaly4j.detect.Ensemble;
import org.anomaly4j.detect.GaussianMixture;
import org.anomaly4j.detect.Hbos;
import org.anomaly4j.detect.Loda;
import org.anomaly4j.detect.Inputs;
import org.anomaly4j.detect.Knn;
import org.anomaly4j.detect.Lof;
import org.anomaly4j.detect.Pca;
import org.anomaly4j.detect.Model;
import org.anomaly4j.detect.GeneralizedEsd;
import org.anomaly4j.detect.Grubbs;
import org.anomaly4j.detect.IqrFences;
import org.anomaly4j.detect.IsolationForest;
import org.anomaly4j.detect.ModifiedZScore;
import org.anomaly4j.detect.OneClassSvm;
import org.anomaly4j.detect.ZScore;
import org.anomaly4j.detect.KMeans;
import org.anomaly4j.detect.Cblof;
import org.anomaly4j.detect.Dbscan;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.plot.AnomalyScatterChart;
import org.anomaly4j.plot.Figure;
import org.anomaly4j.plot.LineChart;
import org.anomaly4j.plot.Palette;
import org.anomaly4j.plot.ScatterChart;
import org.anomaly4j.plot.TablesawFigures;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
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
        return Datasets.fromEnvironment().resolve(name);
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

    /** Local Outlier Factor equal to scikit-learn's (20 neighbours, LOF &gt; 1.5). */
    public static Lof lof() {
        return Lof.with();
    }

    /** k-nearest-neighbour distance (PyOD's KNN: 5 neighbours, largest distance). */
    public static Knn knn() {
        return Knn.with();
    }

    /**
     * Connectivity-based outlier factor (Tang et al. 2002; PyOD's COF, method 'fast') of the rows of a table:
     * transductive (the scores of these rows among themselves), so a function, not a fitted detector.
     */
    public static double[] cof(Table table, int neighbors, String... columns) {
        return org.anomaly4j.detect.neighbors.ConnectivityOutlierFactor.scores(Inputs.matrix(table, columns), neighbors);
    }

    /**
     * The professional guide's adaptive LOF: the k in {@code candidates} whose inlier/outlier split (at the
     * contamination) has the best silhouette (Rousseeuw 1987), on a seeded sample of at most 2,000 rows.
     */
    public static org.anomaly4j.detect.neighbors.LofNeighborChoice.Result chooseLofNeighbors(Table table,
            int[] candidates, double contamination, String... columns) {
        return org.anomaly4j.detect.neighbors.LofNeighborChoice.chooseK(Inputs.matrix(table, columns), candidates,
                contamination);
    }

    /** HBOS, histogram-based outlier score (PyOD's defaults: 10 bins, alpha 0.1). */
    public static Hbos hbos() {
        return Hbos.with();
    }

    /** LODA, histograms of sparse random projections (PyOD's defaults: 10 bins, 100 cuts; seed 0). */
    public static Loda loda() {
        return Loda.with();
    }

    /** ECOD, empirical-CDF tail probabilities (parameter-free, PyOD). */
    public static Ecod ecod() {
        return Ecod.with();
    }

    /** COPOD, copula tail probabilities (parameter-free, PyOD). */
    public static Copod copod() {
        return Copod.with();
    }

    /** Elliptic envelope: robust Mahalanobis distance from FastMCD (scikit-learn's EllipticEnvelope). */
    public static EllipticEnvelope ellipticEnvelope() {
        return EllipticEnvelope.with();
    }

    /** PCA score on the minor components (Shyu et al. 2003). */
    public static Pca pca() {
        return Pca.with();
    }

    /** Gaussian mixture negative log-likelihood (scikit-learn's GaussianMixture, EM). */
    public static GaussianMixture gaussianMixture() {
        return GaussianMixture.with();
    }

    /** k-means distance: Euclidean distance to the nearest of 8 k-means centres (scikit-learn's KMeans, seed 0). */
    public static KMeans kmeans() {
        return KMeans.with();
    }

    /** CBLOF, cluster-based local outlier factor (PyOD's defaults: 8 clusters, alpha 0.9, beta 5). */
    public static Cblof cblof() {
        return Cblof.with();
    }

    /** DBSCAN noise: distance to the nearest core sample, flagged above eps (scikit-learn's eps 0.5, min_samples 5). */
    public static Dbscan dbscan() {
        return Dbscan.with();
    }

    /**
     * The automatic detector, for when there are no labels to tune with: Isolation Forest, elliptic envelope,
     * PCA and ECOD, standardised and combined by SELECT (see {@link Ensemble#auto()}).
     */
    public static Ensemble auto() {
        return Ensemble.auto();
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

    // ================================================================== 5b. time series

    /** STL with statsmodels' defaults, to configure: {@code stl().period(24).robust(true).fit(hive, "T17")}. */
    public static Stl stl() {
        return Stl.with();
    }

    /** STL of a column with a period (statsmodels' defaults otherwise). */
    public static StlResult stl(Table table, String column, int period) {
        return Stl.with().period(period).fit(table, column);
    }

    /** Seasonal-hybrid ESD (Hochenbaum et al. 2017), to configure. */
    public static SeasonalEsd seasonalEsd() {
        return SeasonalEsd.with();
    }

    /** Seasonal-hybrid ESD of a column with a period (max 10 % anomalies, alpha 0.05, both directions). */
    public static SeasonalEsdResult seasonalEsd(Table table, String column, int period) {
        return SeasonalEsd.with().period(period).detect(table, column);
    }

    /** Trailing rolling z-score control chart, to configure ({@code .online()} for streams). */
    public static RollingZScore rollingZScore(int window) {
        return RollingZScore.with().window(window);
    }

    /** Trailing rolling z-score chart of a column (k = 3). */
    public static ControlChart rollingZScore(Table table, String column, int window) {
        return RollingZScore.with().window(window).apply(table, column);
    }

    /** EWMA control chart (Roberts 1959; lambda 0.2, L 3), to configure. */
    public static EwmaChart ewmaChart() {
        return EwmaChart.with();
    }

    /** EWMA control chart of a column. */
    public static ControlChart ewmaChart(Table table, String column) {
        return EwmaChart.with().apply(table, column);
    }

    /** Exponential smoothing (ETS, additive errors) with prediction bands, to configure. */
    public static Ets ets() {
        return Ets.with();
    }

    /**
     * ARIMA(p, d, q) with one-step prediction bands, to configure:
     * {@code arima(1, 1, 1).seasonal(0, 1, 1, 24).alpha(0.01).fit(table, "value")} (statsmodels' {@code ARIMA}).
     */
    public static Arima arima(int p, int d, int q) {
        return Arima.order(p, d, q);
    }

    /**
     * One-step ARIMA(p, d, q) forecasts of a column with 95 % prediction bands, parameters by exact maximum
     * likelihood; {@code flags()} marks the points outside their band.
     */
    public static ArimaResult arimaBands(Table table, String column, int p, int d, int q) {
        return Arima.order(p, d, q).fit(table, column);
    }

    /** As {@link #arimaBands(Table, String, int, int, int)} with a seasonal part (P, D, Q)_s. */
    public static ArimaResult arimaBands(Table table, String column, int p, int d, int q, int seasonalP,
                                         int seasonalD, int seasonalQ, int period) {
        return Arima.order(p, d, q).seasonal(seasonalP, seasonalD, seasonalQ, period).fit(table, column);
    }

    /** Matrix profile of a column for subsequences of length {@code window} (discords = collective anomalies). */
    public static MatrixProfile matrixProfile(Table table, String column, int window) {
        return MatrixProfile.of(table, column, window);
    }

    /** Hour-of-day × day-of-week baseline of a value column (contextual anomalies). */
    public static ContextualBaseline contextualBaseline(Table table, String timeColumn, String valueColumn) {
        return ContextualBaseline.fit(table, timeColumn, valueColumn);
    }

    /** A NAB-layout corpus (data/, labels/combined_windows.json, config/profiles.json). */
    public static NabCorpus nabCorpus(Path dir) {
        return NabCorpus.read(dir);
    }

    /** The recommended streaming detector for NAB (causal surprise + pattern novelty, anomaly likelihood). */
    public static NabDetector nabDetector() {
        return new NabSurprise();
    }

    /** NAB's normalised scores (standard, reward_low_FP, reward_low_FN) of a detector on a corpus. */
    public static List<NabScorer.Result> nabScore(NabCorpus corpus, NabDetector detector) {
        return NabRunner.score(corpus, detector);
    }

    /**
     * The NAB series bundled with anomaly4j (the registry's {@code nab/...} datasets: 18 series, their labelled
     * windows and the scoring profiles), resolved through {@link #dataset(String)} like any other dataset.
     */
    public static NabCorpus nabCorpus() {
        for (String name : Datasets.names()) {
            if (name.startsWith("nab/")) {
                dataset(name); // makes every file of the corpus local (data folder, cache or download)
            }
        }
        // the windows file sits at <root>/labels/combined_windows.json, the series at <root>/data/...
        Path root = dataset("nab/windows").getParent().getParent();
        NabCorpus cached = bundledNab;
        if (cached == null || !cached.root().equals(root)) {
            cached = NabCorpus.read(root);
            bundledNab = cached; // read once per kernel: nabSeries and nabWindows of every series share it
        }
        return cached;
    }

    private static volatile NabCorpus bundledNab;

    /**
     * One bundled NAB series, e.g. {@code nabSeries("realKnownCause/nyc_taxi")}, as a table named after it with
     * {@code timestamp} (date-time, UTC as in NAB's files), {@code value} and {@code label} (true inside one of
     * NAB's labelled anomaly windows). {@link #nabWindows(String)} gives the windows for {@code timeline(...)}.
     */
    public static Table nabSeries(String series) {
        NabCorpus.Series s = nabSeriesOf(series);
        int[] labels = s.labels();
        boolean[] inWindow = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            inWindow[i] = labels[i] == 1;
        }
        return Table.create(s.name(), DateTimeColumn.create("timestamp", nabTimes(s)),
                DoubleColumn.create("value", s.values().clone()), BooleanColumn.create("label", inWindow));
    }

    /** NAB's labelled anomaly windows of a bundled series as date-time intervals, to shade in {@code timeline}. */
    public static List<AnomalyTimelineChart.Window> nabWindows(String series) {
        NabCorpus.Series s = nabSeriesOf(series);
        LocalDateTime[] t = nabTimes(s);
        List<AnomalyTimelineChart.Window> out = new ArrayList<>();
        for (int[] w : s.windows()) {
            out.add(new AnomalyTimelineChart.Window(t[w[0]], t[w[1]]));
        }
        return out;
    }

    private static NabCorpus.Series nabSeriesOf(String series) {
        String path = series.endsWith(".csv") ? series : series + ".csv";
        NabCorpus corpus = nabCorpus();
        for (NabCorpus.Series s : corpus.series()) {
            if (s.path().equals(path)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no bundled NAB series \"" + series + "\"; known: "
                + corpus.series().stream().map(s -> s.path().replace(".csv", "")).toList());
    }

    private static LocalDateTime[] nabTimes(NabCorpus.Series s) {
        long[] ms = s.epochMillis();
        LocalDateTime[] t = new LocalDateTime[ms.length];
        for (int i = 0; i < ms.length; i++) {
            t[i] = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms[i]), ZoneOffset.UTC);
        }
        return t;
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

    /** Histogram of a column, bins as numpy's {@code bins='auto'}. */
    public static Figure histogram(Table table, String column) {
        return Histogram.create("Distribution of " + column, table, column);
    }

    /** Overlaid histograms of a column per value of a label column (same bins). */
    public static Figure histogram(Table table, String column, String labelColumn) {
        return Histogram.create(column + " by " + labelColumn, table, column, labelColumn);
    }

    /** Histogram of values (e.g. scores or residuals). */
    public static Figure histogram(double[] values, String name) {
        return Histogram.create("Distribution of " + name, name, values);
    }

    /** One box per column (quartiles as pandas, whiskers at 1.5 IQR). */
    public static Figure boxPlot(Table table, String... columns) {
        return BoxPlot.create("Box plot", table, columns);
    }

    /** Pairwise scatter plots of the columns, coloured by a label column. */
    public static Figure scatterMatrix(Table table, String labelColumn, String... columns) {
        return ScatterMatrix.create("Scatter matrix by " + labelColumn, table, List.of(columns), labelColumn);
    }

    /** A series as a line with the rows of a boolean flag column marked ({@code flag} may be null). */
    public static Figure timeline(Table table, String time, String value, String flag) {
        return AnomalyTimelineChart.create(value + " over " + (time == null ? "rows" : time), table, time, value, flag);
    }

    /** As {@link #timeline(Table, String, String, String)} with shaded label windows (e.g. NAB's). */
    public static Figure timeline(Table table, String time, String value, String flag,
                                  List<AnomalyTimelineChart.Window> windows) {
        return AnomalyTimelineChart.create(value + " over " + (time == null ? "rows" : time), table, time, value, flag,
                windows);
    }

    /**
     * A control chart (rolling z-score, EWMA, or an ETS forecast's {@code chart()}) over its series: the charted
     * statistic as the line, the centre line and the lower and upper control limits as dashed lines, the
     * flagged points marked ({@code time} may be null for the row index).
     */
    public static Figure controlChart(Table table, String time, String value, ControlChart chart) {
        return controlChart(table, time, value, chart, List.of());
    }

    /** As {@link #controlChart(Table, String, String, ControlChart)} with shaded label windows (e.g. NAB's). */
    public static Figure controlChart(Table table, String time, String value, ControlChart chart,
                                      List<AnomalyTimelineChart.Window> windows) {
        String name = value + "_chart";
        Table t = chart.addTo(table, name); // checks the row count
        Figure base = AnomalyTimelineChart.create(value + ": control chart, " + chart.count()
                + " points outside the limits", t, time, name + "_statistic", name + "_anomaly", windows);
        ObjectNode spec = base.toJsonNode();
        ArrayNode data = (ArrayNode) spec.get("data");
        ObjectNode charted = (ObjectNode) data.get(0);
        charted.put("name", value + " (charted)");
        charted.put("hovertemplate", charted.get("hovertemplate").asText().replace(name + "_statistic", value));
        ObjectNode marks = (ObjectNode) data.get(1);
        marks.put("name", "outside the limits (" + chart.count() + ")");
        JsonNode xs = charted.get("x");
        String[] names = {"centre", "upper limit", "lower limit"};
        double[][] lines = {chart.centre(), chart.upper(), chart.lower()};
        for (int j = 0; j < lines.length; j++) {
            ObjectNode tr = data.insertObject(1 + j);
            tr.put("type", "scatter").put("mode", "lines").put("name", names[j]);
            tr.set("x", xs.deepCopy());
            ArrayNode ys = tr.putArray("y");
            for (double v : lines[j]) {
                if (Double.isFinite(v)) {
                    ys.add(v);
                } else {
                    ys.addNull(); // warm-up: no limit yet, the line starts later
                }
            }
            tr.putObject("line").put("color", j == 0 ? Palette.BLUISH_GREEN : Palette.REFERENCE).put("width", 1)
                    .put("dash", j == 0 ? "dot" : "dash");
            tr.put("hovertemplate", names[j] + " %{y:.6~g}<extra></extra>");
        }
        ((ObjectNode) spec.get("layout").get("yaxis")).putObject("title").put("text", value);
        return Figure.fromJsonNode(spec);
    }

    /** ROC curves of several score columns against one label column, AUC in the legend, chance line. */
    public static Figure rocChart(Table table, String labelColumn, String... scoreColumns) {
        boolean[] y = EvalInputs.labels(table, labelColumn);
        Curve[] curves = new Curve[scoreColumns.length];
        for (int i = 0; i < curves.length; i++) {
            RocCurve roc = RocCurve.of(y, EvalInputs.scores(table, scoreColumns[i]));
            curves[i] = new Curve(scoreColumns[i], roc.fpr(), roc.tpr(), roc.auc(), roc.thresholds());
        }
        return RocChart.create("ROC curve", curves);
    }

    /** Precision-recall curves of several score columns, average precision in the legend, prevalence line. */
    public static Figure prChart(Table table, String labelColumn, String... scoreColumns) {
        boolean[] y = EvalInputs.labels(table, labelColumn);
        Curve[] curves = new Curve[scoreColumns.length];
        for (int i = 0; i < curves.length; i++) {
            PrecisionRecallCurve pr = PrecisionRecallCurve.of(y, EvalInputs.scores(table, scoreColumns[i]));
            curves[i] = new Curve(scoreColumns[i], pr.recall(), pr.precision(), pr.averagePrecision(), pr.thresholds());
        }
        return PrecisionRecallChart.create("Precision-recall curve", prevalence(y), curves);
    }

    /** Score histograms per class with the threshold marked. */
    public static Figure scoreDistribution(Table table, String labelColumn, String scoreColumn, double threshold) {
        return ScoreDistributionChart.create(scoreColumn + " by class", EvalInputs.scores(table, scoreColumn),
                EvalInputs.labels(table, labelColumn), threshold);
    }

    /** A model's scores of the table per class, its threshold marked. */
    public static Figure scoreDistribution(Model model, Table table, String labelColumn) {
        return ScoreDistributionChart.create(model.name() + " scores", model.score(table),
                EvalInputs.labels(table, labelColumn), model.threshold());
    }

    /** Confusion-matrix heatmap with counts and rates. */
    public static Figure confusionMatrix(ConfusionMatrix cm) {
        return ConfusionMatrixChart.create("Confusion matrix", cm.tn(), cm.fp(), cm.fn(), cm.tp());
    }

    /** Confusion-matrix heatmap of a prediction column against a label column. */
    public static Figure confusionMatrix(Table table, String labelColumn, String predictedColumn) {
        return confusionMatrix(confusion(table, labelColumn, predictedColumn));
    }

    /** Precision, recall and F1 against the threshold. */
    public static Figure thresholdImpact(Table table, String labelColumn, String scoreColumn) {
        return thresholdImpact(table, labelColumn, scoreColumn, Double.NaN, Double.NaN);
    }

    /** Precision, recall, F1 and the total cost (cost per false positive and per false negative) against the threshold. */
    public static Figure thresholdImpact(Table table, String labelColumn, String scoreColumn, double costFp,
                                         double costFn) {
        boolean[] y = EvalInputs.labels(table, labelColumn);
        double[] s = EvalInputs.scores(table, scoreColumn);
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(y, s);
        double[] t = pr.thresholds();
        double[] p = Arrays.copyOf(pr.precision(), t.length);
        double[] r = Arrays.copyOf(pr.recall(), t.length);
        double[] f1 = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            f1[i] = p[i] + r[i] == 0 ? 0 : 2 * p[i] * r[i] / (p[i] + r[i]);
        }
        String title = "Threshold impact: " + scoreColumn;
        if (Double.isNaN(costFp)) {
            return ThresholdImpactChart.create(title, t, p, r, f1);
        }
        CostAnalysis cost = CostAnalysis.of(y, s, costFp, costFn);
        return ThresholdImpactChart.create(title, t, p, r, f1, cost.thresholds(), cost.cost());
    }

    /**
     * The decision boundary of a model fitted on two features (as scikit-learn's DecisionBoundaryDisplay): its
     * score on a grid as filled contours, the threshold as a contour line, the rows on top, coloured by the
     * model's flags or by a label column ({@code labelColumn} may be null).
     */
    public static Figure decisionBoundary(Model model, Table table, String labelColumn) {
        List<String> f = model.features();
        if (f.size() != 2) {
            throw new IllegalArgumentException("decisionBoundary needs a model fitted on two features; this one uses " + f);
        }
        boolean[] labels = labelColumn == null ? null : EvalInputs.labels(table, labelColumn);
        return DecisionBoundaryChart.create(model.name() + ": decision boundary", model::score, model.threshold(),
                Columns.values(table, f.get(0)), Columns.values(table, f.get(1)), f.get(0), f.get(1), labels);
    }

    /** {@link #decisionBoundary(Model, Table, String)} coloured by the model's own flags. */
    public static Figure decisionBoundary(Model model, Table table) {
        return decisionBoundary(model, table, null);
    }

    /**
     * The four panels of an STL decomposition, as statsmodels' {@code DecomposeResult.plot()}: observed, trend,
     * seasonal and residual stacked in one column over a shared, zoom-linked time axis, e.g.
     * {@code stlChart(stl().period(24).robust(true).fit(hive, "T17"), hive, "DateTime")}.
     *
     * @param table      the table the decomposition was fitted on (same rows), for its time column
     * @param timeColumn the horizontal axis; null plots against the row number
     */
    public static Figure stlChart(StlResult stl, Table table, String timeColumn) {
        if (stl == null || table == null) {
            throw new IllegalArgumentException("stlChart needs an STL result and the table it was fitted on");
        }
        if (table.rowCount() != stl.size()) {
            throw new IllegalArgumentException("the decomposition has " + stl.size() + " points but table '"
                    + table.name() + "' has " + table.rowCount() + " rows; pass the table the STL was fitted on");
        }
        String x = timeColumn == null ? "row" : timeColumn;
        if (timeColumn != null && !table.containsColumn(timeColumn)) {
            throw new IllegalArgumentException("no column '" + timeColumn + "' in table '" + table.name()
                    + "'; columns are " + table.columnNames());
        }
        tech.tablesaw.columns.Column<?> time = timeColumn == null
                ? tech.tablesaw.api.IntColumn.indexColumn("row", stl.size(), 0) : table.column(timeColumn).copy();
        String[] parts = {"observed", "trend", "seasonal", "resid"};
        double[][] values = {stl.observed(), stl.trend(), stl.seasonal(), stl.resid()};
        Table t = Table.create("stl", time);
        Figure[] panels = new Figure[parts.length];
        for (int i = 0; i < parts.length; i++) {
            t.addColumns(tech.tablesaw.api.DoubleColumn.create(parts[i], values[i]));
            panels[i] = LineChart.create(parts[i], t, x, parts[i]);
        }
        return Subplots.create("STL decomposition", parts.length, 1, panels);
    }

    /** Figures in a grid (rows × cols), axes shared where their titles match. */
    public static Figure subplots(int rows, int cols, Figure... figures) {
        return Subplots.create("", rows, cols, figures);
    }

    /** Figures in a grid with an overall title. */
    public static Figure subplots(String title, int rows, int cols, Figure... figures) {
        return Subplots.create(title, rows, cols, figures);
    }

    /**
     * The evaluation report of one score column in one cell: ROC and precision-recall curves, score
     * distribution with the best-F1 threshold, and the confusion matrix there, titled with the headline metrics.
     */
    public static Figure report(Table table, String labelColumn, String scoreColumn) {
        Evaluation e = evaluate(table, labelColumn, scoreColumn);
        boolean[] y = EvalInputs.labels(table, labelColumn);
        String title = String.format(java.util.Locale.ROOT,
                "%s: ROC-AUC %.4f · average precision %.4f · at threshold %.4g precision %.3f, recall %.3f, F1 %.3f",
                scoreColumn, e.rocAuc(), e.averagePrecision(), e.threshold(), e.precision(), e.recall(), e.f1());
        return Subplots.create(title, 2, 2, rocChart(table, labelColumn, scoreColumn),
                prChart(table, labelColumn, scoreColumn),
                ScoreDistributionChart.create("Scores by class", EvalInputs.scores(table, scoreColumn), y, e.threshold()),
                confusionMatrix(e.confusion()));
    }

    private static double prevalence(boolean[] labels) {
        int k = 0;
        for (boolean b : labels) {
            k += b ? 1 : 0;
        }
        return (double) k / labels.length;
    }
}
