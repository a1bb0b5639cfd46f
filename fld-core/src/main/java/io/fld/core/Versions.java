package io.fld.core;

import io.fld.core.linalg.Blas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions of the software behind a result, for provenance: the one source of the library and
 * Java versions that every metric and report records.
 */
public final class Versions {
  private static final String RESOURCE = "version.properties";
  private static final String LIBRARY_VERSION = loadLibraryVersion();

  private Versions() {}

  /**
   * Returns the version of this library, such as {@code 0.1.0}: the jar manifest's implementation
   * version, else the version filtered into a bundled resource at build time.
   */
  public static String library() {
    return LIBRARY_VERSION;
  }

  /** Returns the version of the Java runtime, the {@code java.version} system property. */
  public static String java() {
    return System.getProperty("java.version");
  }

  /**
   * Returns the versions a metric records in its provenance: the library, the Java runtime and
   * OpenBLAS, under the keys {@code fld}, {@code java} and {@code openblas}.
   */
  public static Map<String, String> metric() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("fld", LIBRARY_VERSION);
    versions.put("java", java());
    versions.put("openblas", Blas.version());
    return versions;
  }

  /**
   * Returns the library, Java runtime and operating system versions, under the keys {@code fld},
   * {@code java}, {@code java-vendor} and {@code os}.
   */
  public static Map<String, String> all() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("fld", LIBRARY_VERSION);
    versions.put("java", java());
    versions.put("java-vendor", System.getProperty("java.vendor"));
    versions.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    return versions;
  }

  private static String loadLibraryVersion() {
    Package corePackage = Versions.class.getPackage();
    String manifestVersion = corePackage == null ? null : corePackage.getImplementationVersion();
    if (manifestVersion != null) {
      return manifestVersion;
    }
    try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
    }
  }
}
