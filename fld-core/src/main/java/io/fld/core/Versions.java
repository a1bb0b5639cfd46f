package io.fld.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions of the software behind a result, for provenance. */
public final class Versions {
  private static final String RESOURCE = "version.properties";
  private static final String LIBRARY_VERSION = loadLibraryVersion();

  private Versions() {}

  /** Returns the version of this library, such as {@code 0.1.0}. */
  public static String library() {
    return LIBRARY_VERSION;
  }

  /**
   * Returns the library, Java runtime and operating system versions, under the keys {@code fld},
   * {@code java} and {@code os}.
   */
  public static Map<String, String> all() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("fld", LIBRARY_VERSION);
    versions.put(
        "java",
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
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
