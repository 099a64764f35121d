package org.anomaly4j.detect;

/**
 * A bounded least-recently-used cache of kernel-matrix columns for the SMO solver, so that training
 * memory stays at the budget instead of growing as n² (after libsvm's {@code Cache} class, Chang &amp; Lin
 * 2011). Column {@code i} holds {@code Q[i][0..len)} in single precision, as libsvm's {@code Qfloat}; its
 * valid length grows on demand (shrinking asks for shorter columns than a gradient reconstruction).
 * <p>The budget counts the floats actually held; it is never below two full columns, because a solver
 * step holds two columns at once and the most recently used one must survive the request for the second.
 * Arrays dropped by eviction are reused when one of exactly the wanted length comes free, which keeps the
 * garbage low when most columns have the same length.
 * <p>The solver's shrinking permutes the problem, and libsvm then swaps the two entries in every cached
 * column at each transposition, which costs a pass over the whole cache per swap. Here the transpositions
 * are logged instead and a column replays the ones it has not seen when it is next requested, with the
 * same rule (swap the entries, or drop the column when it holds the lower index but not the higher), so
 * its contents are exactly what libsvm's would be; columns evicted before their next use never pay.
 * <p>Not thread-safe: one solver owns it (the columns may be filled by several threads, the bookkeeping
 * is done by the solver's thread).
 */
final class KernelCache {

    /** Bytes per entry of libsvm's bookkeeping ({@code head_t}: three pointers and an int, 64-bit). */
    private static final long HEAD_BYTES = 32;

    private final int l;
    private final float[][] data;
    private final int[] len;
    /** Per column: how many entries of the swap log it has applied. */
    private final int[] seen;
    private int[] logLo = new int[64];
    private int[] logHi = new int[64];
    private int logSize;
    /** LRU list over column indices, {@code l} is the sentinel: next[l] is the least recently used. */
    private final int[] prev;
    private final int[] next;
    private long free;

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
        // the same accounting as libsvm: floats, less the bookkeeping, at least two full columns
        long floats = bytes / Float.BYTES - l * HEAD_BYTES / Float.BYTES;
        this.free = Math.max(floats, 2L * l);
    }

    /**
     * Makes column {@code index} hold at least {@code want} entries and marks it most recently used.
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
        }
        seen[index] = logSize;
        if (want > have) {
            float[] old = data[index];
            if (old == null || old.length < want) {
                if (old != null) {
                    free += old.length;
                }
                float[] fresh = null;
                while (free < want) {
                    int victim = next[l];
                    unlink(victim);
                    float[] v = data[victim];
                    data[victim] = null;
                    len[victim] = 0;
                    free += v.length;
                    if (fresh == null && v.length == want) {
                        fresh = v;
                    }
                }
                if (fresh == null) {
                    fresh = new float[want];
                }
                free -= want;
                if (have > 0) {
                    System.arraycopy(old, 0, fresh, 0, have);
                }
                data[index] = fresh;
            }
            len[index] = want;
        } else {
            have = want;
        }
        linkLast(index);
        return have;
    }

    /** The array of column {@code index} (valid after {@link #request}). */
    float[] column(int index) {
        return data[index];
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
        if (len[i] > 0) {
            linkLast(i);
        }
        if (len[j] > 0) {
            linkLast(j);
        }
        int ts = seen[i];
        seen[i] = seen[j];
        seen[j] = ts;
        if (logSize == logLo.length) {
            if (logSize >= 4 * l + 64) {
                compact();
            } else {
                logLo = java.util.Arrays.copyOf(logLo, 2 * logSize);
                logHi = java.util.Arrays.copyOf(logHi, 2 * logSize);
            }
        }
        logLo[logSize] = Math.min(i, j);
        logHi[logSize] = Math.max(i, j);
        logSize++;
    }

    /** Applies to column h the logged swaps it has not seen. */
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
                    // libsvm gives the column up: it holds i but not j
                    unlink(h);
                    free += c.length;
                    data[h] = null;
                    len[h] = 0;
                    break;
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
        java.util.Arrays.fill(seen, 0);
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
