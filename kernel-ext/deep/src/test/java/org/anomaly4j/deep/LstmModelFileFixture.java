package org.anomaly4j.deep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a small LSTM autoencoder model file and the scores it gives on {@link #probes()}, for
 * {@link LstmAutoencoderTest#anOlderModelFileScoresAsItDidWhenWritten}. Files written by an older release stay
 * committed (a change that cannot read them, or scores them differently, fails that test):
 * <pre>
 * java -Dai.djl.offline=true -DDJL_CACHE_DIR=kernel-ext/deep/target/djl-cache \
 *     -cp kernel-ext/deep/target/test-classes:kernel-ext/deep/target/classes:$(cat kernel-ext/deep/target/test-classpath.txt) \
 *     org.anomaly4j.deep.LstmModelFileFixture kernel-ext/deep/src/test/resources/model-files lstm-autoencoder-NAME
 * </pre>
 */
public final class LstmModelFileFixture {

    private LstmModelFileFixture() {
    }

    /** 40 rows of a sine of period 10 (the training series). */
    static double[][] training() {
        double[][] x = new double[40][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = Math.sin(2 * Math.PI * i / 10);
        }
        return x;
    }

    /** The training series with row 20 raised by 3 (a spike), scored by the fixture. */
    static double[][] probes() {
        double[][] x = training();
        x[20][0] += 3;
        return x;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        var m = LstmAutoencoder.with().window(8).stride(2).hidden(2).epochs(2).seed(1).fit(training());
        m.save(dir.resolve(args[1] + ".json"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("probes", probes());
        expected.put("scores", m.score(probes()));
        expected.put("threshold", m.threshold());
        new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve(args[1] + ".expected.json").toFile(), expected);
    }
}
