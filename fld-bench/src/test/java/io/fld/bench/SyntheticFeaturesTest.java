package io.fld.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import org.junit.jupiter.api.Test;

class SyntheticFeaturesTest {

  @Test
  void sameSeedDrawsSameRows() {
    FeatureSet first = new SyntheticFeatures(16, 3).real("a", 50, 7);
    FeatureSet second = new SyntheticFeatures(16, 3).real("b", 50, 7);

    assertEquals(first, second);
  }

  @Test
  void generatorIsShiftedFromData() {
    SyntheticFeatures synthetic = new SyntheticFeatures(16, 3);

    assertNotEquals(synthetic.real("a", 50, 7), synthetic.generated("b", 50, 7));
  }

  @Test
  void componentCountMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new SyntheticFeatures(16, 0, 3));
  }

  @Test
  void componentCountChangesTheDraw() {
    FeatureSet mixture = new SyntheticFeatures(16, 10, 3).real("a", 50, 7);
    FeatureSet single = new SyntheticFeatures(16, 1, 3).real("b", 50, 7);

    assertNotEquals(mixture, single);
  }

  @Test
  void peakMemoryIsPositive() throws Exception {
    assertTrue(PeakMemory.residentMebibytes() > 0);
  }
}
