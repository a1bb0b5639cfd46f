package io.fld.metrics.fld;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class DistanceCacheTest {

  @Test
  void cacheBeyondOneArrayIsRejected() {
    int rows = Integer.MAX_VALUE / 128 + 1;
    Rows x = new Rows(new float[rows], rows, 1);
    Rows centers = new Rows(new float[200], 200, 1);

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> DistanceCache.build(x, centers, 0, 128, FitDistances.EXACT));

    assertTrue(error.getMessage().contains("lower the option neighbors"), error.getMessage());
    assertTrue(error.getMessage().contains(rows + " training rows"), error.getMessage());
  }
}
