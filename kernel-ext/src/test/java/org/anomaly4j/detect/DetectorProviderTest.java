package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The extension point through which optional modules (anomaly4j-deep) add detector types. */
class DetectorProviderTest {

    private static final DetectorType<ZScore, ZScore.ZScoreModel> EXTRA = DetectorType.of("extra-zscore",
            "a second z-score, registered by a provider", o -> ZScore.with(), ZScore.ZScoreModel.class,
            ZScore.TYPE.codec());

    @Test
    void providerTypesFollowTheBuiltInOnes() {
        DetectorProvider p = () -> List.of(EXTRA);
        List<DetectorType<?, ?>> all = Detectors.withProviders(List.of(ZScore.TYPE, IqrFences.TYPE), List.of(p));
        assertEquals(List.of(ZScore.TYPE, IqrFences.TYPE, EXTRA), all);
        assertTrue(Detectors.index(all).containsKey("extra-zscore"));
    }

    @Test
    void aProviderCannotReplaceABuiltInName() {
        DetectorProvider p = () -> List.of(ZScore.TYPE);
        List<DetectorType<?, ?>> all = Detectors.withProviders(List.of(ZScore.TYPE), List.of(p));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Detectors.index(all));
        assertTrue(e.getMessage().contains("zscore"), e.getMessage());
    }

    @Test
    void withoutTheDeepJarTheRegistryIsTheBuiltInList() {
        // kernel-ext's own class path has no provider: the registry is exactly the built-in types
        assertEquals(Detectors.BUILT_IN_COUNT, Detectors.types().size());
    }
}
