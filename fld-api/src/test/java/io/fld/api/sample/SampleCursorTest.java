package io.fld.api.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCursorTest {

  /** A cursor over numbered samples that records the size of each batch it reads. */
  private static final class Counting implements SampleCursor<Integer> {
    private final int size;
    private final List<Integer> batches = new ArrayList<>();
    private int position;

    Counting(int size) {
      this.size = size;
    }

    @Override
    public List<Sample<Integer>> next(int maxCount) {
      int end = Math.min(size, position + maxCount);
      List<Sample<Integer>> batch = new ArrayList<>();
      for (; position < end; position++) {
        batch.add(new Sample<>("s" + position, position));
      }
      batches.add(batch.size());
      return batch;
    }

    @Override
    public void close() {}
  }

  @Test
  void defaultSkipReadsInSmallBatches() throws Exception {
    Counting cursor = new Counting(200);

    List<String> names = cursor.skip(150);

    assertEquals(150, names.size());
    assertEquals("s0", names.get(0));
    assertEquals("s149", names.get(149));
    assertEquals(List.of(64, 64, 22), cursor.batches);
    assertEquals(150, cursor.next(1).get(0).value());
  }

  @Test
  void defaultSkipStopsAtTheEnd() throws Exception {
    Counting cursor = new Counting(3);

    assertEquals(List.of("s0", "s1", "s2"), cursor.skip(10));
    assertEquals(List.of(), cursor.skip(1));
  }
}
