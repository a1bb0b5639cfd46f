package io.fld.metrics;

import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Reads the {@code .npy} test resources through the product's own feature-file reader. */
public final class TestNpy {
  private TestNpy() {}

  /** Reads the resource at {@code path}, relative to the class-path root, as a feature set. */
  public static FeatureSet read(String path) {
    URL resource = TestNpy.class.getResource("/" + path);
    if (resource == null) {
      throw new IllegalStateException("test resource not found: " + path);
    }
    try {
      return FeatureFiles.read(Path.of(resource.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("test resource " + path + " has no file path", e);
    }
  }

  /** Reads the resource at {@code path} as one array per row. */
  public static float[][] rows(String path) {
    FeatureSet set = read(path);
    float[][] rows = new float[set.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = set.row(i);
    }
    return rows;
  }
}
