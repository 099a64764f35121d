package org.anomaly4j.features;

/**
 * Rolling median with two indexed binary heaps: {@code low} (a max-heap of the smaller half) and {@code high}
 * (a min-heap of the larger half), with {@code low.size == high.size} or {@code low.size == high.size + 1}.
 * Every row index remembers its heap and position, so the row leaving the window is removed in O(log window)
 * without lazy deletion. The median is the top of {@code low} for an odd count and
 * {@code (low.top + high.top) / 2} for an even count (pandas {@code roll_median_c}). NaN never enters a heap.
 * O(n log window) time, O(n) memory.
 */
final class SlidingMedian {

    /** Which heap holds a row: NONE (not in the window or NaN), LOW, HIGH. */
    private static final byte NONE = 0;
    private static final byte LOW = 1;
    private static final byte HIGH = 2;

    private final double[] x;
    private final byte[] side;
    private final int[] position;
    private final Heap low;
    private final Heap high;

    private SlidingMedian(double[] x, int window) {
        this.x = x;
        this.side = new byte[x.length];
        this.position = new int[x.length];
        this.low = new Heap(window, true, LOW);
        this.high = new Heap(window, false, HIGH);
    }

    static double[] run(double[] x, int window, int minPeriods, int offset) {
        int n = x.length;
        double[] out = new double[n];
        SlidingMedian m = new SlidingMedian(x, window);
        int prevStart = 0;
        int prevEnd = 0;
        for (int i = 0; i < n; i++) {
            int s = Rolling.start(i, window, offset);
            int e = Rolling.end(i, n, offset);
            for (int j = prevStart; j < s; j++) {
                m.remove(j);
            }
            for (int j = prevEnd; j < e; j++) {
                m.add(j);
            }
            int nobs = m.low.size + m.high.size;
            out[i] = nobs > 0 && nobs >= minPeriods ? m.median() : Double.NaN;
            prevStart = s;
            prevEnd = e;
        }
        return out;
    }

    private double median() {
        double lo = x[low.heap[0]];
        return low.size > high.size ? lo : (lo + x[high.heap[0]]) / 2;
    }

    private void add(int row) {
        double v = x[row];
        if (v != v) {
            return;
        }
        if (low.size == 0 || v <= x[low.heap[0]]) {
            low.push(row);
        } else {
            high.push(row);
        }
        rebalance();
    }

    private void remove(int row) {
        byte s = side[row];
        if (s == NONE) {
            return;
        }
        (s == LOW ? low : high).removeAt(position[row]);
        side[row] = NONE;
        rebalance();
    }

    private void rebalance() {
        if (low.size > high.size + 1) {
            high.push(low.pop());
        } else if (high.size > low.size) {
            low.push(high.pop());
        }
    }

    /** A binary heap of row indices ordered by their values; keeps {@code side} and {@code position} current. */
    private final class Heap {
        final int[] heap;
        final boolean max;
        final byte tag;
        int size;

        Heap(int capacity, boolean max, byte tag) {
            this.heap = new int[capacity + 1];
            this.max = max;
            this.tag = tag;
        }

        /** Whether row a belongs above row b. */
        private boolean above(int a, int b) {
            return max ? x[a] > x[b] : x[a] < x[b];
        }

        void push(int row) {
            heap[size] = row;
            side[row] = tag;
            position[row] = size;
            size++;
            up(size - 1);
        }

        int pop() {
            int top = heap[0];
            removeAt(0);
            return top;
        }

        void removeAt(int p) {
            size--;
            if (p != size) {
                place(heap[size], p);
                down(p);
                up(p);
            }
        }

        private void place(int row, int p) {
            heap[p] = row;
            position[row] = p;
        }

        private void up(int p) {
            int row = heap[p];
            while (p > 0) {
                int parent = (p - 1) >>> 1;
                if (!above(row, heap[parent])) {
                    break;
                }
                place(heap[parent], p);
                p = parent;
            }
            place(row, p);
        }

        private void down(int p) {
            int row = heap[p];
            while (true) {
                int child = 2 * p + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && above(heap[child + 1], heap[child])) {
                    child++;
                }
                if (!above(heap[child], row)) {
                    break;
                }
                place(heap[child], p);
                p = child;
            }
            place(row, p);
        }
    }
}
