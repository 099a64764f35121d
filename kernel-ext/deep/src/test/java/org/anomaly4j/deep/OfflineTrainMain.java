package org.anomaly4j.deep;

import java.util.SplittableRandom;

/** Child-process entry of {@link DjlEngineOfflineTest}: trains a tiny autoencoder for 2 epochs and prints its losses. */
public final class OfflineTrainMain {

    private OfflineTrainMain() {
    }

    public static void main(String[] args) {
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[64][3];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        var m = Autoencoder.with().hidden(4, 2).epochs(2).batchSize(16).fit(x);
        System.out.println("engine " + DjlEngine.get().getEngineName() + " " + DjlEngine.get().getVersion());
        System.out.println("cache " + DjlEngine.cacheDir());
        System.out.println("epochs " + m.history().rowCount() + " loss " + m.history().doubleColumn("loss").get(1));
    }
}
