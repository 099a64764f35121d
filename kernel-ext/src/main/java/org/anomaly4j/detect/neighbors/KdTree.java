package org.anomaly4j.detect.neighbors;

import java.util.function.IntConsumer;

/**
 * A k-d tree (Bentley 1975) built and searched exactly as scikit-learn's {@code KDTree} (leaf_size 30), so that
 * neighbours tied at the k-th distance are the same rows as scikit-learn's — LOF depends on which tied rows
 * are taken, and data with rounded values (sensor readings, ADBench tables) have such ties everywhere.
 * <p><b>Build</b> (scikit-learn's {@code _recursive_build}). A complete binary tree of
 * 2^L − 1 nodes, L = 1 + floor(log2(max(1, (n − 1) / 30))); node i covers a range of a permutation of the rows
 * and is split, unless it is a leaf (2i + 1 ≥ node count), at half its size on the coordinate of largest spread
 * (the first on ties), by C++'s {@code std::nth_element} (libstdc++'s introselect, reproduced step by step in
 * {@link #nthElement}) with rows ordered by (value, row index). Each node keeps the bounding box of its rows.
 * <p><b>Query</b> (scikit-learn's {@code _query_single_depthfirst}): depth-first from the root, the child with
 * the smaller box bound first, a node skipped when its bound exceeds the current k-th distance; a leaf's rows
 * are offered in permutation order to a fixed-size max-heap that rejects a distance equal to its largest
 * ({@code sklearn.utils._heap.heap_push}, reproduced in {@link #push}). So among tied rows the first met
 * stays. The rows found are then sorted by (distance, index) for the caller.
 * <p>Distances are the sequential sum of squared coordinate differences (scikit-learn's
 * {@code euclidean_rdist}); bounds are Σ (½((lo − q) + |lo − q| + (q − hi) + |q − hi|))², its {@code min_rdist}.
 */
final class KdTree {

    /** scikit-learn's default {@code leaf_size} for KDTree, NearestNeighbors and LocalOutlierFactor. */
    static final int LEAF_SIZE = 30;

    private final double[] x;
    private final int d;
    private final int[] idx;
    /** The rows in permutation order, row-major: a leaf scan reads contiguous memory. */
    private final double[] pts;
    private final int nodes;
    private final int[] start;
    private final int[] end;
    private final double[] lo;
    private final double[] hi;

    KdTree(double[] x, int n, int d) {
        this.x = x;
        this.d = d;
        double perLeaf = Math.max(1.0, (n - 1) / (double) LEAF_SIZE);
        int levels = 1;
        while (Math.scalb(1.0, levels) <= perLeaf) { // levels = 1 + floor(log2(perLeaf)), exactly
            levels++;
        }
        this.nodes = (1 << levels) - 1;
        this.idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        start = new int[nodes];
        end = new int[nodes];
        lo = new double[nodes * d];
        hi = new double[nodes * d];
        build(0, 0, n);
        pts = new double[n * d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(x, idx[p] * d, pts, p * d, d);
        }
    }

    /** Row index at permutation position p: queries over the training rows run in this order for locality. */
    int rowAt(int p) {
        return idx[p];
    }

    private void build(int node, int from, int to) {
        start[node] = from;
        end[node] = to;
        int b = node * d;
        for (int j = 0; j < d; j++) {
            lo[b + j] = Double.POSITIVE_INFINITY;
            hi[b + j] = Double.NEGATIVE_INFINITY;
        }
        for (int p = from; p < to; p++) {
            int r = idx[p] * d;
            for (int j = 0; j < d; j++) {
                lo[b + j] = Math.min(lo[b + j], x[r + j]);
                hi[b + j] = Math.max(hi[b + j], x[r + j]);
            }
        }
        if (2 * node + 1 >= nodes || to - from < 2) {
            return;
        }
        int split = 0;
        double maxSpread = 0;
        for (int j = 0; j < d; j++) {
            double spread = hi[b + j] - lo[b + j];
            if (spread > maxSpread) {
                maxSpread = spread;
                split = j;
            }
        }
        int half = (to - from) / 2;
        nthElement(split, from, from + half, to);
        build(2 * node + 1, from, from + half);
        build(2 * node + 2, from + half, to);
    }

    boolean isLeaf(int node) {
        return 2 * node + 1 >= nodes;
    }

    // ---------------------------------------------------------------- libstdc++ std::nth_element

    /** Strict order of rows a, b on coordinate j: by value, then by row index (scikit-learn's IndexComparator). */
    private boolean less(int a, int b, int j) {
        double va = x[a * d + j];
        double vb = x[b * d + j];
        return va == vb ? a < b : va < vb;
    }

    private void swap(int a, int b) {
        int t = idx[a];
        idx[a] = idx[b];
        idx[b] = t;
    }

    /**
     * Rearranges idx[first .. last) so that position nth holds the element it would hold when sorted and no
     * element before it is greater, no element after it smaller — libstdc++'s {@code __introselect}
     * (median-of-three pivot moved to first, unguarded Hoare partition, insertion sort below 4 elements),
     * step for step so that the order inside each part, hence the leaf scan order, is scikit-learn's.
     */
    void nthElement(int j, int first, int nth, int last) {
        if (first == last || nth == last) {
            return;
        }
        int depthLimit = 2 * (31 - Integer.numberOfLeadingZeros(last - first));
        while (last - first > 3) {
            if (depthLimit == 0) {
                heapSelect(j, first, nth + 1, last);
                swap(first, nth);
                return;
            }
            depthLimit--;
            int cut = partitionPivot(j, first, last);
            if (cut <= nth) {
                first = cut;
            } else {
                last = cut;
            }
        }
        insertionSort(j, first, last);
    }

    private int partitionPivot(int j, int first, int last) {
        int mid = first + (last - first) / 2;
        int a = first + 1;
        int c = last - 1;
        int ia = idx[a];
        int ib = idx[mid];
        int ic = idx[c];
        if (less(ia, ib, j)) {
            if (less(ib, ic, j)) {
                swap(first, mid);
            } else if (less(ia, ic, j)) {
                swap(first, c);
            } else {
                swap(first, a);
            }
        } else if (less(ia, ic, j)) {
            swap(first, a);
        } else if (less(ib, ic, j)) {
            swap(first, c);
        } else {
            swap(first, mid);
        }
        int lo = first + 1;
        int hi = last;
        int pivot = idx[first];
        while (true) {
            while (less(idx[lo], pivot, j)) {
                lo++;
            }
            hi--;
            while (less(pivot, idx[hi], j)) {
                hi--;
            }
            if (lo >= hi) {
                return lo;
            }
            swap(lo, hi);
            lo++;
        }
    }

    private void insertionSort(int j, int first, int last) {
        if (first == last) {
            return;
        }
        for (int i = first + 1; i < last; i++) {
            int v = idx[i];
            if (less(v, idx[first], j)) {
                System.arraycopy(idx, first, idx, first + 1, i - first);
                idx[first] = v;
            } else {
                int p = i;
                while (less(v, idx[p - 1], j)) {
                    idx[p] = idx[p - 1];
                    p--;
                }
                idx[p] = v;
            }
        }
    }

    /** libstdc++'s {@code __heap_select}: a max-heap of [first, middle), then each later smaller element pops it. */
    private void heapSelect(int j, int first, int middle, int last) {
        int len = middle - first;
        if (len > 1) { // std::__make_heap
            for (int parent = (len - 2) / 2; ; parent--) {
                adjustHeap(j, first, parent, len, idx[first + parent]);
                if (parent == 0) {
                    break;
                }
            }
        }
        for (int i = middle; i < last; i++) {
            if (less(idx[i], idx[first], j)) { // std::__pop_heap(first, middle, i)
                int v = idx[i];
                idx[i] = idx[first];
                adjustHeap(j, first, 0, len, v);
            }
        }
    }

    /** libstdc++'s {@code __adjust_heap} followed by its {@code __push_heap}. */
    private void adjustHeap(int j, int first, int hole, int len, int value) {
        int top = hole;
        int second = hole;
        while (second < (len - 1) / 2) {
            second = 2 * (second + 1);
            if (less(idx[first + second], idx[first + second - 1], j)) {
                second--;
            }
            idx[first + hole] = idx[first + second];
            hole = second;
        }
        if ((len & 1) == 0 && second == (len - 2) / 2) {
            second = 2 * (second + 1);
            idx[first + hole] = idx[first + second - 1];
            hole = second - 1;
        }
        int parent = (hole - 1) / 2;
        while (hole > top && less(idx[first + parent], value, j)) {
            idx[first + hole] = idx[first + parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        idx[first + hole] = value;
    }

    // ---------------------------------------------------------------- query

    /**
     * Fills the max-heap {@code heapD}/{@code heapI} (size = its length, reset here) with the nearest rows to
     * {@code q[qOff .. qOff + d)} in scikit-learn's order of discovery.
     */
    void query(double[] q, int qOff, double[] heapD, int[] heapI) {
        java.util.Arrays.fill(heapD, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(heapI, 0);
        search(0, q, qOff, heapD, heapI, bound(0, q, qOff));
    }

    private void search(int node, double[] q, int qOff, double[] heapD, int[] heapI, double lowerBound) {
        if (lowerBound > heapD[0]) {
            return;
        }
        if (isLeaf(node)) {
            scanLeaf(start[node], end[node], q, qOff, heapD, heapI);
            return;
        }
        int c1 = 2 * node + 1;
        int c2 = c1 + 1;
        double b1 = bound(c1, q, qOff);
        double b2 = bound(c2, q, qOff);
        if (b1 <= b2) {
            search(c1, q, qOff, heapD, heapI, b1);
            search(c2, q, qOff, heapD, heapI, b2);
        } else {
            search(c2, q, qOff, heapD, heapI, b2);
            search(c1, q, qOff, heapD, heapI, b1);
        }
    }

    /**
     * Offers the leaf's rows in permutation order. Each distance is its own sequential sum (the exact bits), but
     * four rows are summed side by side so that their addition chains overlap in the CPU; the heap sees them
     * in the same order as one at a time, and rejects by itself what is not nearer than its largest.
     */
    private void scanLeaf(int from, int to, double[] q, int qOff, double[] heapD, int[] heapI) {
        int dim = d;
        int last = (to - 1) * dim;
        for (int p = from; p < to; p += 4) {
            // a last group of fewer than four rows repeats the leaf's last row in the spare chains (not pushed)
            int o0 = p * dim;
            int o1 = Math.min(o0 + dim, last);
            int o2 = Math.min(o0 + 2 * dim, last);
            int o3 = Math.min(o0 + 3 * dim, last);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < dim; j++) {
                double v = q[qOff + j];
                double t0 = v - pts[o0 + j];
                double t1 = v - pts[o1 + j];
                double t2 = v - pts[o2 + j];
                double t3 = v - pts[o3 + j];
                s0 += t0 * t0;
                s1 += t1 * t1;
                s2 += t2 * t2;
                s3 += t3 * t3;
            }
            push(heapD, heapI, s0, idx[p]);
            if (p + 1 < to) {
                push(heapD, heapI, s1, idx[p + 1]);
            }
            if (p + 2 < to) {
                push(heapD, heapI, s2, idx[p + 2]);
            }
            if (p + 3 < to) {
                push(heapD, heapI, s3, idx[p + 3]);
            }
        }
    }

    /**
     * Calls {@code visit} with every row whose squared distance to {@code q[qOff .. qOff + d)} is at most
     * {@code r2} (scikit-learn's {@code query_radius}: rdist ≤ r², the exact sequential sum), in tree order. A node
     * whose box bound exceeds r2 is skipped; memory is the recursion depth only.
     */
    void within(double[] q, int qOff, double r2, IntConsumer visit) {
        within(0, q, qOff, r2, visit);
    }

    private void within(int node, double[] q, int qOff, double r2, IntConsumer visit) {
        if (bound(node, q, qOff) > r2) {
            return;
        }
        if (isLeaf(node)) {
            for (int p = start[node]; p < end[node]; p++) {
                int o = p * d;
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = q[qOff + j] - pts[o + j];
                    s += t * t;
                }
                if (s <= r2) {
                    visit.accept(idx[p]);
                }
            }
            return;
        }
        within(2 * node + 1, q, qOff, r2, visit);
        within(2 * node + 2, q, qOff, r2, visit);
    }

    /** scikit-learn's {@code min_rdist} for p = 2: x + |x| = 2 max(x, 0), summed in coordinate order. */
    private double bound(int node, double[] q, int qOff) {
        int b = node * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
            double dLo = lo[b + j] - q[qOff + j];
            double dHi = q[qOff + j] - hi[b + j];
            double t = 0.5 * ((dLo + Math.abs(dLo)) + (dHi + Math.abs(dHi)));
            s += t * t;
        }
        return s;
    }

    /** scikit-learn's {@code heap_push}: a fixed-size max-heap that keeps the first of equal values. */
    static void push(double[] values, int[] indices, double val, int valIdx) {
        int size = values.length;
        if (val >= values[0]) {
            return;
        }
        int current = 0;
        while (true) {
            int left = 2 * current + 1;
            int right = left + 1;
            int swapIdx;
            if (left >= size) {
                break;
            } else if (right >= size) {
                if (values[left] > val) {
                    swapIdx = left;
                } else {
                    break;
                }
            } else if (values[left] >= values[right]) {
                if (val < values[left]) {
                    swapIdx = left;
                } else {
                    break;
                }
            } else {
                if (val < values[right]) {
                    swapIdx = right;
                } else {
                    break;
                }
            }
            values[current] = values[swapIdx];
            indices[current] = indices[swapIdx];
            current = swapIdx;
        }
        values[current] = val;
        indices[current] = valIdx;
    }
}
