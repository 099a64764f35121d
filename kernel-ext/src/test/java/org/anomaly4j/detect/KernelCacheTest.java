package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The kernel-column cache: LRU eviction, libsvm's swap rule applied lazily, contents always right. */
class KernelCacheTest {

    /** Bytes that give exactly {@code slots} full columns of length l under libsvm's accounting. */
    static long bytesFor(int l, int slots) {
        return 4L * (8L * l + (long) slots * l);
    }

    /** The value of entry (column a, row b) in original indices. */
    static float value(int a, int b) {
        return a * 1000 + b;
    }

    @Test
    void budgetNeverBelowTwoColumns() {
        assertEquals(2, new KernelCache(100, 1).capacity());
        assertEquals(5, new KernelCache(100, bytesFor(100, 5)).capacity());
        assertEquals(100, new KernelCache(100, 1L << 30).capacity(), "never more slots than columns");
    }

    @Test
    void leastRecentlyUsedColumnIsEvicted() {
        KernelCache c = new KernelCache(6, bytesFor(6, 2));
        assertEquals(0, c.request(0, 6));
        assertEquals(0, c.request(1, 6));
        assertEquals(6, c.request(0, 6), "cached: nothing to fill");
        assertEquals(0, c.request(2, 6), "evicts column 1, the least recently used");
        assertEquals(6, c.request(0, 6));
        assertEquals(0, c.request(1, 6));
        assertEquals(0, c.request(3, 3), "a new column fills from 0");
        assertEquals(3, c.request(3, 5), "a longer request fills only the missing tail");
    }

    @Test
    void swapFollowsLibsvmRule() {
        KernelCache c = new KernelCache(6, bytesFor(6, 4));
        c.request(0, 3);       // holds rows 0..2
        fill(c, 0, 0, 3, new int[] {0, 1, 2, 3, 4, 5});
        c.request(2, 6);       // holds every row
        fill(c, 2, 0, 6, new int[] {0, 1, 2, 3, 4, 5});
        c.swap(1, 4);
        assertEquals(0, c.request(0, 3), "holds row 1 but not row 4: libsvm drops the column");
        assertEquals(6, c.request(2, 6), "long enough: entries swapped, nothing to fill");
        assertEquals(value(2, 4), c.column(2)[1]);
        assertEquals(value(2, 1), c.column(2)[4]);
    }

    @Test
    void randomRequestsAndSwapsAlwaysSeeTheRightValues() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 20; round++) {
            int l = 2 + r.nextInt(30);
            KernelCache c = new KernelCache(l, bytesFor(l, 2 + r.nextInt(6)));
            int[] perm = new int[l];
            for (int i = 0; i < l; i++) {
                perm[i] = i;
            }
            for (int op = 0; op < 3000; op++) {
                if (r.nextInt(10) < 3) {
                    int i = r.nextInt(l);
                    int j = r.nextInt(l);
                    c.swap(i, j);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                } else {
                    int i = r.nextInt(l);
                    int want = 1 + r.nextInt(l);
                    int start = c.request(i, want);
                    if (start < want) {
                        fill(c, i, start, want, perm);
                    }
                    float[] col = c.column(i);
                    for (int t = 0; t < want; t++) {
                        assertEquals(value(perm[i], perm[t]), col[t], "round " + round + " op " + op + " column " + i + " row " + t);
                    }
                }
            }
        }
    }

    static void fill(KernelCache c, int i, int from, int to, int[] perm) {
        float[] col = c.column(i);
        for (int t = from; t < to; t++) {
            col[t] = value(perm[i], perm[t]);
        }
    }
}
