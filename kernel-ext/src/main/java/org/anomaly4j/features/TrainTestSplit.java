package org.anomaly4j.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Train/test splits of a table's rows, sized as scikit-learn {@code train_test_split(test_size=...)}:
 * {@code nTest = ⌈testSize · n⌉}, {@code nTrain = n − nTest}. An immutable options value:
 * <pre>{@code
 * Split s = TrainTestSplit.testSize(0.25).seed(42).split(hive);                 // shuffled
 * Split s = TrainTestSplit.testSize(0.3).seed(42).stratify("Class").split(card); // class proportions kept
 * Split s = TrainTestSplit.timeSplit(taxi, 0.2);                               // first 80 % / last 20 %
 * }</pre>
 * <ul>
 *   <li><b>Shuffled</b> (default, scikit-learn {@code ShuffleSplit}): a random permutation of the rows; the first
 *       {@code nTest} rows of it are the test part, the rest the train part, each in permutation order.</li>
 *   <li><b>Not shuffled</b> ({@code shuffle(false)}, or {@link #timeSplit}): the first {@code nTrain} rows are
 *       the train part and the rest the test part, in their original order — the split for time series, where the
 *       model must not see the future.</li>
 *   <li><b>Stratified</b> ({@code stratify(column)}, scikit-learn {@code StratifiedShuffleSplit}): per-class train
 *       counts are the "approximate mode" of the class counts for {@code nTrain} draws (floor of each class's
 *       share, the remainder to the largest fractional parts, ties broken at random), and the test counts the
 *       same over what is left for {@code nTest} draws — exactly scikit-learn's rule, so the per-class counts
 *       equal scikit-learn's except possibly where fractional parts tie (then within ±1 row). Rows of each class
 *       are drawn at random; both parts are then shuffled. Class labels are compared with {@code equals} on the
 *       cell values; a missing label is an error.</li>
 * </ul>
 * <b>Randomness.</b> Permutations are Fisher–Yates shuffles driven by {@link java.util.Random} seeded with
 * {@code seed} (its algorithm is fixed by the JDK specification, so a seed gives the same split on every JVM).
 * They are not numpy's permutations: the same seed does not pick the same rows as scikit-learn, only the same
 * sizes. The default seed is 0 (scikit-learn's default {@code random_state=None} would differ on every run).
 * <p>The input table is never changed. O(n) time plus O(n · columns) to copy the rows.
 *
 * @param testSize  fraction of rows for the test part, in (0, 1) (scikit-learn {@code test_size}, default 0.25)
 * @param seed      seed of the permutation (scikit-learn {@code random_state})
 * @param shuffle   shuffle before splitting (scikit-learn {@code shuffle}, default true)
 * @param stratify  label column whose class proportions both parts keep, or {@code null} (scikit-learn
 *                  {@code stratify})
 */
public record TrainTestSplit(double testSize, long seed, boolean shuffle, String stratify) {

    /** Checks the options. */
    public TrainTestSplit {
        if (!(testSize > 0 && testSize < 1)) {
            throw new IllegalArgumentException("testSize must be a fraction in (0, 1), got " + testSize);
        }
        if (stratify != null && !shuffle) {
            throw new IllegalArgumentException("stratified splits need shuffle(true) (as in scikit-learn); "
                    + "use shuffle(true) or drop stratify(\"" + stratify + "\")");
        }
    }

    /** scikit-learn defaults: {@code test_size=0.25}, shuffled, not stratified; seed 0. */
    public static TrainTestSplit defaults() {
        return new TrainTestSplit(0.25, 0L, true, null);
    }

    /** The defaults with another test fraction. */
    public static TrainTestSplit testSize(double testSize) {
        return new TrainTestSplit(testSize, 0L, true, null);
    }

    /** These options with another seed. */
    public TrainTestSplit seed(long seed) {
        return new TrainTestSplit(testSize, seed, shuffle, stratify);
    }

    /** These options with or without shuffling. */
    public TrainTestSplit shuffle(boolean shuffle) {
        return new TrainTestSplit(testSize, seed, shuffle, stratify);
    }

    /** These options stratified by a label column ({@code null} for none). */
    public TrainTestSplit stratify(String labelColumn) {
        return new TrainTestSplit(testSize, seed, shuffle, labelColumn);
    }

    /** scikit-learn {@code train_test_split(table, test_size=testSize, random_state=seed, shuffle=shuffle)}. */
    public static Split trainTestSplit(Table table, double testSize, long seed, boolean shuffle) {
        return new TrainTestSplit(testSize, seed, shuffle, null).split(table);
    }

    /** The first {@code n − ⌈testSize · n⌉} rows for training and the rest for testing, in order. */
    public static Split timeSplit(Table table, double testSize) {
        return new TrainTestSplit(testSize, 0L, false, null).split(table);
    }

    /**
     * Splits the rows of {@code table}.
     *
     * @throws IllegalArgumentException if the table is empty, a part would be empty, the label column is unknown
     *                                  or has missing labels, a class has fewer than 2 rows, or a part would have
     *                                  fewer rows than there are classes
     */
    public Split split(Table table) {
        Columns.requireRows(table, "trainTestSplit");
        int n = table.rowCount();
        int nTest = (int) Math.ceil(testSize * n);
        int nTrain = n - nTest;
        if (nTrain <= 0) {
            throw new IllegalArgumentException("trainTestSplit: with " + n + " rows and testSize " + testSize
                    + " the train part would be empty; use a smaller testSize or more rows");
        }
        if (!shuffle) {
            return new Split(rows(table, range(0, nTrain)), rows(table, range(nTrain, n)));
        }
        Random rng = new Random(seed);
        if (stratify == null) {
            int[] perm = range(0, n);
            permute(perm, rng);
            return new Split(rows(table, slice(perm, nTest, n)), rows(table, slice(perm, 0, nTest)));
        }
        return stratified(table, nTrain, nTest, rng);
    }

    private Split stratified(Table table, int nTrain, int nTest, Random rng) {
        List<int[]> classes = classes(table, stratify);
        int k = classes.size();
        if (nTrain < k || nTest < k) {
            throw new IllegalArgumentException("trainTestSplit: the " + (nTrain < k ? "train" : "test") + " part ("
                    + Math.min(nTrain, nTest) + " rows) is smaller than the number of classes of \"" + stratify
                    + "\" (" + k + "); use a testSize that leaves at least " + k + " rows in each part");
        }
        long[] counts = new long[k];
        for (int c = 0; c < k; c++) {
            counts[c] = classes.get(c).length;
        }
        long[] trainCounts = approximateMode(counts, nTrain, rng);
        long[] left = new long[k];
        for (int c = 0; c < k; c++) {
            left[c] = counts[c] - trainCounts[c];
        }
        long[] testCounts = approximateMode(left, nTest, rng);
        int[] train = new int[nTrain];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int c = 0; c < k; c++) {
            int[] rows = classes.get(c).clone();
            permute(rows, rng);
            System.arraycopy(rows, 0, train, a, (int) trainCounts[c]);
            System.arraycopy(rows, (int) trainCounts[c], test, b, (int) testCounts[c]);
            a += (int) trainCounts[c];
            b += (int) testCounts[c];
        }
        permute(train, rng);
        permute(test, rng);
        return new Split(rows(table, train), rows(table, test));
    }

    /** Row numbers of each class of the label column, classes in order of first appearance. */
    private static List<int[]> classes(Table table, String column) {
        Column<?> c = Columns.require(table, column);
        Map<Object, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException("trainTestSplit: label column \"" + column + "\" has "
                        + c.countMissing() + " missing labels (first at row " + i + "); drop those rows with "
                        + "dropMissing(table, How.ANY, \"" + column + "\") before a stratified split");
            }
            byClass.computeIfAbsent(c.get(i), key -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>();
        for (Map.Entry<Object, List<Integer>> e : byClass.entrySet()) {
            if (e.getValue().size() < 2) {
                throw new IllegalArgumentException("trainTestSplit: class " + e.getKey() + " of \"" + column
                        + "\" has only 1 row, too few to appear in both parts (scikit-learn needs at least 2); "
                        + "drop or merge that class");
            }
            out.add(e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * scikit-learn {@code _approximate_mode}: the most likely per-class counts of {@code draws} rows drawn
     * without replacement — floor of each share, then one more for the largest fractional parts (ties at
     * random).
     */
    static long[] approximateMode(long[] counts, int draws, Random rng) {
        int k = counts.length;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] remainder = new double[k];
        long[] out = new long[k];
        long need = draws;
        for (int c = 0; c < k; c++) {
            double continuous = (double) counts[c] / total * draws;
            double floored = Math.floor(continuous);
            out[c] = (long) floored;
            remainder[c] = continuous - floored;
            need -= out[c];
        }
        while (need > 0) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (remainder[c] > best) {
                    best = remainder[c];
                }
            }
            if (best == Double.NEGATIVE_INFINITY) {
                break; // every class already got its extra row (rounding left need > 0)
            }
            int[] tied = new int[k];
            int m = 0;
            for (int c = 0; c < k; c++) {
                if (remainder[c] == best) {
                    tied[m++] = c;
                    remainder[c] = Double.NEGATIVE_INFINITY;
                }
            }
            int[] chosen = Arrays.copyOf(tied, m);
            permute(chosen, rng);
            for (int i = 0; i < m && need > 0; i++, need--) {
                out[chosen[i]]++;
            }
        }
        return out;
    }

    /** Fisher–Yates shuffle in place. */
    private static void permute(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static int[] slice(int[] a, int from, int to) {
        return Arrays.copyOfRange(a, from, to);
    }

    /** A new table with the given rows in the given order (Tablesaw's {@code rows(...)} would sort them). */
    private static Table rows(Table table, int[] rows) {
        List<Column<?>> cols = new ArrayList<>(table.columnCount());
        for (Column<?> c : table.columns()) {
            cols.add(c.subset(rows));
        }
        return Table.create(table.name(), cols);
    }
}
