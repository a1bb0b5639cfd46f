package io.fld.core.extract;

import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads a sample source in batches on a worker thread while the calling thread consumes the
 * previous batch, so that decoding overlaps inference. At most {@link #BATCHES_AHEAD} decoded
 * batches wait in memory.
 *
 * <p>The worker runs on the shared executor, so a caller running on that executor's own threads
 * could starve it; call from another thread.
 */
final class BatchPipeline {
  /** The number of decoded batches that may wait for the consumer. */
  static final int BATCHES_AHEAD = 2;

  private final ExecutorService executor;

  BatchPipeline(ExecutorService executor) {
    this.executor = executor;
  }

  /** Consumes one batch of samples. */
  @FunctionalInterface
  interface BatchConsumer {
    void accept(List<? extends Sample<?>> batch) throws IOException;
  }

  /** A decoded batch, or the failure that ended decoding; an empty batch marks the end. */
  private record Item(List<? extends Sample<?>> samples, Throwable failure) {}

  /**
   * Feeds every sample of {@code source}, in order and in batches of up to {@code batchSize}, to
   * {@code consumer}. The first {@code skip} samples are passed over with {@link
   * SampleCursor#skip}, and their names are added to {@code skippedNames}, which contains all of
   * them once this method returns normally.
   *
   * @throws IOException if reading a sample fails or the consumer throws it
   */
  void run(
      SampleSource<?> source,
      int batchSize,
      int skip,
      List<String> skippedNames,
      BatchConsumer consumer)
      throws IOException {
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    Future<?> reader = executor.submit(() -> read(source, batchSize, skip, skippedNames, queue));
    try {
      consume(queue, consumer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + source.description(), e);
    } finally {
      reader.cancel(true);
    }
  }

  private static void consume(BlockingQueue<Item> queue, BatchConsumer consumer)
      throws IOException, InterruptedException {
    while (true) {
      Item item = queue.take();
      if (item.failure() != null) {
        rethrow(item.failure());
      }
      if (item.samples().isEmpty()) {
        return;
      }
      consumer.accept(item.samples());
    }
  }

  private static void read(
      SampleSource<?> source,
      int batchSize,
      int skip,
      List<String> skippedNames,
      BlockingQueue<Item> queue) {
    try {
      try (SampleCursor<?> cursor = source.open()) {
        skippedNames.addAll(cursor.skip(skip));
        List<? extends Sample<?>> batch;
        do {
          batch = cursor.next(batchSize);
          queue.put(new Item(batch, null));
        } while (!batch.isEmpty());
      } catch (IOException | RuntimeException | Error e) {
        queue.put(new Item(List.of(), e));
      }
    } catch (InterruptedException e) {
      // The consumer stopped early and cancelled this reader, so no consumer waits for more
      // batches.
      Thread.currentThread().interrupt();
    }
  }

  private static void rethrow(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    throw new IOException(failure);
  }
}
