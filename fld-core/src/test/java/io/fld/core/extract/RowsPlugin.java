package io.fld.core.extract;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import io.fld.api.sample.SampleSourceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plugin for extraction tests: {@code .rows} text files hold one sample of two numbers per line,
 * and the {@code doubler} extractor multiplies them by two. A line reading {@code fail} makes the
 * cursor throw. Counters record how far reading ran ahead of extraction, on which threads, and how
 * many rows the extractor computed; {@link #failAfterBatches} makes the extractor fail like a
 * crashing model after that many batches.
 */
final class RowsPlugin implements FldPlugin {
  final AtomicInteger batchesRead = new AtomicInteger();
  final AtomicInteger batchesExtracted = new AtomicInteger();
  final AtomicInteger maxAhead = new AtomicInteger();
  final List<String> readerThreads = java.util.Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger closes = new AtomicInteger();
  final AtomicInteger rowsExtracted = new AtomicInteger();
  final AtomicInteger failAfterBatches = new AtomicInteger(Integer.MAX_VALUE);

  @Override
  public List<SampleSourceProvider> sampleSources() {
    return List.of(new RowsSourceProvider());
  }

  @Override
  public List<FeatureExtractorProvider> extractors() {
    return List.of(new DoublerProvider());
  }

  final class RowsSourceProvider implements SampleSourceProvider {
    @Override
    public String name() {
      return "rows-file";
    }

    @Override
    public String description() {
      return ".rows files of two numbers per line";
    }

    @Override
    public Class<?> sampleType() {
      return float[].class;
    }

    @Override
    public boolean accepts(Path path) {
      return Files.isRegularFile(path) && path.toString().endsWith(".rows");
    }

    @Override
    public SampleSource<?> open(Path path, Map<String, String> options) throws IOException {
      List<String> lines = Files.readAllLines(path);
      return new SampleSource<float[]>() {
        @Override
        public String description() {
          return path.toString();
        }

        @Override
        public int size() {
          return lines.size();
        }

        @Override
        public Class<float[]> sampleType() {
          return float[].class;
        }

        @Override
        public String fingerprint() throws IOException {
          return path.getFileName()
              + " "
              + Files.size(path)
              + " "
              + Files.getLastModifiedTime(path).toMillis();
        }

        @Override
        public SampleCursor<float[]> open() {
          return new Cursor(lines);
        }
      };
    }
  }

  private final class Cursor implements SampleCursor<float[]> {
    private final List<String> lines;
    private int position;

    Cursor(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public List<Sample<float[]>> next(int maxCount) throws IOException {
      readerThreads.add(Thread.currentThread().getName());
      List<Sample<float[]>> batch = new ArrayList<>();
      while (batch.size() < maxCount && position < lines.size()) {
        String line = lines.get(position);
        if (line.equals("fail")) {
          throw new IOException("cannot decode sample " + position);
        }
        String[] cells = line.trim().split("\\s+");
        float[] values = {Float.parseFloat(cells[0]), Float.parseFloat(cells[1])};
        batch.add(new Sample<>("line-" + position, values));
        position++;
      }
      if (!batch.isEmpty()) {
        int read = batchesRead.incrementAndGet();
        maxAhead.accumulateAndGet(read - batchesExtracted.get(), Math::max);
      }
      return batch;
    }

    @Override
    public void close() {
      position = lines.size();
    }
  }

  final class DoublerProvider implements FeatureExtractorProvider {
    @Override
    public String name() {
      return "doubler";
    }

    @Override
    public String description() {
      return "multiplies two numbers by two";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public Class<?> sampleType() {
      return float[].class;
    }

    @Override
    public FeatureExtractor<float[]> open(ExtractorOptions options) {
      return new FeatureExtractor<>() {
        @Override
        public String id() {
          return "doubler";
        }

        @Override
        public int dimension() {
          return 2;
        }

        @Override
        public Class<float[]> sampleType() {
          return float[].class;
        }

        @Override
        public String preprocessing() {
          return "double/v1";
        }

        @Override
        public String modelChecksum() {
          return "none";
        }

        @Override
        public float[][] extract(List<float[]> samples) throws IOException {
          if (batchesExtracted.get() >= failAfterBatches.get()) {
            throw new IOException("the model failed after " + batchesExtracted.get() + " batches");
          }
          float[][] out = new float[samples.size()][];
          for (int i = 0; i < out.length; i++) {
            float[] in = samples.get(i);
            if (in[0] < 0) {
              throw new InvalidInputException("negative value " + in[0]);
            }
            out[i] = new float[] {2 * in[0], 2 * in[1]};
          }
          batchesExtracted.incrementAndGet();
          rowsExtracted.addAndGet(out.length);
          return out;
        }

        @Override
        public void close() {
          closes.incrementAndGet();
        }
      };
    }
  }
}
