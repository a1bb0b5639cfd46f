package io.fld.image.bench;

import io.fld.image.decode.ImageDecoder;
import io.fld.image.preprocess.ImageTransform;
import io.fld.image.preprocess.Transforms;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.DoubleAdder;
import javax.imageio.ImageIO;

/**
 * Measures decoding plus DINOv2 preprocessing throughput: PNG files of 256 x 256 pixels turned into
 * normalized 3 x 224 x 224 tensors on all cores. Run with the test class path: {@code java -cp ...
 * io.fld.image.bench.PreprocessingBenchmark [COUNT] [THREADS]}.
 */
public final class PreprocessingBenchmark {

  private static final int DEFAULT_COUNT = 1000;
  private static final int SIDE = 256;
  private static final int WARMUP_ROUNDS = 2;
  private static final double NANOS_PER_SECOND = 1e9;

  private PreprocessingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_COUNT;
    int threads =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Path folder = Files.createTempDirectory("fld-bench");
    List<Path> files = writeImages(folder, count);
    ImageDecoder decoder = new ImageDecoder();
    ImageTransform transform = Transforms.dinov2();
    ForkJoinPool pool = new ForkJoinPool(threads);
    for (int round = 0; round < WARMUP_ROUNDS; round++) {
      run(pool, files, decoder, transform);
    }
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    double checksum = run(pool, files, decoder, transform);
    double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
    double cpuSeconds = (cpuNanos() - cpuStart) / NANOS_PER_SECOND;
    System.out.printf(
        "%d images of %dx%d, %d threads: %.2f s wall, %.0f images/s; %.2f CPU s, %.0f images per"
            + " CPU second (checksum %.3f)%n",
        count,
        SIDE,
        SIDE,
        threads,
        seconds,
        count / seconds,
        cpuSeconds,
        count / cpuSeconds,
        checksum);
    pool.shutdown();
    for (Path file : files) {
      Files.delete(file);
    }
    Files.delete(folder);
  }

  private static double run(
      ForkJoinPool pool, List<Path> files, ImageDecoder decoder, ImageTransform transform)
      throws Exception {
    DoubleAdder sum = new DoubleAdder();
    pool.submit(
            () ->
                files.parallelStream()
                    .forEach(
                        file -> {
                          try {
                            sum.add(transform.apply(decoder.decode(file))[0]);
                          } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                          }
                        }))
        .get();
    return sum.sum();
  }

  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
  }

  private static List<Path> writeImages(Path folder, int count) throws IOException {
    Random random = new Random(1);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int noise = random.nextInt(32);
          image.setRGB(x, y, ((x + noise) << 16) | ((y + noise) << 8) | ((x ^ y) & 0xff));
        }
      }
      Path file = folder.resolve(String.format("%05d.png", i));
      ImageIO.write(image, "png", file.toFile());
      files.add(file);
    }
    return files;
  }
}
