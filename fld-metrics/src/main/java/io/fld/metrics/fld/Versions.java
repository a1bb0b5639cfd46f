package io.fld.metrics.fld;

import java.util.Map;

/** The software versions recorded in the provenance of every result of this package. */
final class Versions {
  private static final String UNKNOWN = "unknown";

  private Versions() {}

  /** Returns the versions of this library and of the Java runtime. */
  static Map<String, String> current() {
    return Map.of("fld-metrics", libraryVersion(), "java", Runtime.version().toString());
  }

  private static String libraryVersion() {
    Module module = Versions.class.getModule();
    if (module.isNamed() && module.getDescriptor().rawVersion().isPresent()) {
      return module.getDescriptor().rawVersion().get();
    }
    String version = Versions.class.getPackage().getImplementationVersion();
    return version == null ? UNKNOWN : version;
  }
}
