package org.anomaly4j.detect;

import java.util.Arrays;

/**
 * A bounded least-recently-used cache of kernel-matrix columns for the SMO solver, so that training
 * memory stays at the budget instead of growing as n² (after libsvm's {@code Cache} class, Chang &amp; Lin
 * 2011). Column {@code i} holds {@code Q[i][0..len)} in single precision, as libsvm's {@code Qfloat}; its
 * valid length grows on demand (shrinking asks for shorter columns than a gradient reconstruction).
 * <p>Which columns are kept never changes a result (a column's values depend only on the data), only
 * how often they are recomputed. Two choices differ from libsvm for the JVM's sake:
 * <ul>
 *   <li>Storage is a fixed set of full-length slots ({@code float[l]} each), as many as the budget holds
 *   (never fewer than two: a solver step holds two columns at once), reused on eviction, so training makes
 *   no garbage and its memory is exactly the budget. libsvm sizes each column by its valid length, which
 *   fits more partial columns while the problem is shrunk but would churn the heap here.</li>
 *   <li>The solver's shrinking permutes the problem, and libsvm then swaps the two entries in every cached
 *   column at each transposition, a pass over the whole cache per swap. Here the transpositions are logged
 *   and a column replays those it has not seen when it is next requested, with libsvm's rule (swap the two
 *   entries, or drop the column when it holds the lower index but not the higher), so its contents are what
 *   libsvm's would be; columns evicted before their next use never pay.</li>
 * </ul>
 * <p>Not thread-safe: one solver owns it (a column may be filled by several threads; the bookkeeping is
 * done by the solver's thread).
 */
final class KernelCache {

    /** Bytes per column of libsvm's bookkeeping ({@code head_t}: three pointers and an int, 64-bit). */
    private static final long HEAD_BYTES = 32;

    private final int l;
    /** Slot of each column, or null when it is not cached. */
    private final float[][] data;
    /** Valid length of each column (0: not cached). */
    private final int[] len;
    /** Per column: how many entries of the swap log it has applied. */
    private final int[] seen;
    /** LRU list over column indices; {@code l} is the sentinel, next[l] the least recently used. */
    private final int[] prev;
    private final int[] next;
    /** Slots that may still be allocated, and detached slots ready for reuse. */
    private int slotsLeft;
    private final float[][] spare;
    private int spareCount;
    private int[] logLo = new int[64];
    private int[] logHi = new int[64];
    private int logSize;

    /**
     * @param l     number of columns (training rows)
     * @param bytes memory budget in bytes, as scikit-learn's {@code cache_size} MB × 2²⁰
     */
    KernelCache(int l, long bytes) {
        this.l = l;
        this.data = new float[l][];
        this.len = new int[l];
        this.seen = new int[l];
        this.prev = new int[l + 1];
        this.next = new int[l + 1];
        prev[l] = l;
        next[l] = l;
        // libsvm's accounting: floats of the budget less the bookkeeping, at least two full columns
        long floats = bytes / Float.BYTES - l * HEAD_BYTES / Float.BYTES;
        this.slotsLeft = (int) Math.min(l, Math.max(2, floats / l));
        this.spare = new float[slotsLeft][];
    }

    /** Number of full-length columns the budget holds. */
    int capacity() {
        return spare.length;
    }

    /**
     * Makes column {@code index} hold at least {@code want} valid entries (after the caller fills them) and
     * marks it most recently used.
     *
     * @return the first position the caller must fill ({@code >= want}: nothing to fill)
     */
    int request(int index, int want) {
        if (len[index] > 0) {
            catchUp(index);
        }
        int have = len[index];
        if (have > 0) {
            unlink(index);
        } else {
            data[index] = slot();
            seen[index] = logSize;
        }
        linkLast(index);
        if (want > have) {
            len[index] = want;
            return have;
        }
        return want;
    }

    /** The slot of column {@code index} (valid after {@link #request}). */
    float[] column(int index) {
        return data[index];
    }

    /** A free slot: a spare one, a new one while the budget allows, else the least recently used column's. */
    private float[] slot() {
        if (spareCount > 0) {
            float[] s = spare[--spareCount];
            spare[spareCount] = null;
            return s;
        }
        if (slotsLeft > 0) {
            slotsLeft--;
            return new float[l];
        }
        int victim = next[l];
        unlink(victim);
        float[] s = data[victim];
        data[victim] = null;
        len[victim] = 0;
        return s;
    }

    private void release(int h) {
        unlink(h);
        spare[spareCount++] = data[h];
        data[h] = null;
        len[h] = 0;
    }

    /**
     * Renames column i to j and j to i and logs the swap of entries i and j inside every cached column (the
     * solver's shrinking permutes the problem); each column applies it when next requested.
     */
    void swap(int i, int j) {
        if (i == j) {
            return;
        }
        if (len[i] > 0) {
            unlink(i);
        }
        if (len[j] > 0) {
            unlink(j);
        }
        float[] td = data[i];
        data[i] = data[j];
        data[j] = td;
        int tl = len[i];
        len[i] = len[j];
        len[j] = tl;
        int ts = seen[i];
        seen[i] = seen[j];
        seen[j] = ts;
        if (len[i] > 0) {
            linkLast(i);
        }
        if (len[j] > 0) {
            linkLast(j);
        }
        if (logSize == logLo.length) {
            if (logSize >= 4 * l + 64) {
                compact();
            } else {
                logLo = Arrays.copyOf(logLo, 2 * logSize);
                logHi = Arrays.copyOf(logHi, 2 * logSize);
            }
        }
        logLo[logSize] = Math.min(i, j);
        logHi[logSize] = Math.max(i, j);
        logSize++;
    }

    /** Applies to cached column h the logged swaps it has not seen. */
    private void catchUp(int h) {
        float[] c = data[h];
        int n = len[h];
        for (int p = seen[h]; p < logSize; p++) {
            int lo = logLo[p];
            if (n > lo) {
                int hi = logHi[p];
                if (n > hi) {
                    float t = c[lo];
                    c[lo] = c[hi];
                    c[hi] = t;
                } else {
                    release(h); // libsvm gives the column up: it holds the lower index but not the higher
                    return;
                }
            }
        }
        seen[h] = logSize;
    }

    /** Brings every cached column up to date and empties the log (bounds its memory). */
    private void compact() {
        for (int h = next[l]; h != l; ) {
            int following = next[h];
            catchUp(h);
            h = following;
        }
        logSize = 0;
        Arrays.fill(seen, 0);
    }

    private void unlink(int h) {
        next[prev[h]] = next[h];
        prev[next[h]] = prev[h];
    }

    private void linkLast(int h) {
        next[h] = l;
        prev[h] = prev[l];
        next[prev[h]] = h;
        prev[l] = h;
    }
}
