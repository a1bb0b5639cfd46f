package io.fld.core.plugin;

import io.fld.api.plugin.FldPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/** Compiles small plugin sources into jars for discovery tests. */
final class PluginJars {
  private PluginJars() {}

  /**
   * Compiles {@code sources} (file path to text) against the API and packs the classes, plus a
   * services file naming {@code pluginClass} when it is not null, into {@code jar}.
   */
  static Path build(Path work, Path jar, Map<String, String> sources, String pluginClass)
      throws IOException {
    Path sourceRoot = Files.createDirectories(work.resolve("src-" + jar.getFileName()));
    Path classes = Files.createDirectories(work.resolve("classes-" + jar.getFileName()));
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
    boolean modular = sources.containsKey("module-info.java");
    arguments.add(modular ? "--module-path" : "-cp");
    arguments.add(apiLocation().toString());
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceRoot.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    int status = javac.run(System.out, System.err, arguments.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("compiling the test plugin failed: " + arguments);
    }
    if (pluginClass != null) {
      Path services = classes.resolve("META-INF/services/" + FldPlugin.class.getName());
      Files.createDirectories(services.getParent());
      Files.writeString(services, pluginClass + "\n");
    }
    pack(classes, jar);
    return jar;
  }

  private static Path apiLocation() {
    try {
      return Path.of(FldPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pack(Path classes, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        jarOut.putNextEntry(new JarEntry(name));
        jarOut.write(Files.readAllBytes(file));
        jarOut.closeEntry();
      }
    }
  }

  /** Returns the source of a plugin class {@code pkg.Plugin} with one metric named {@code id}. */
  static String metricPlugin(String pkg, String id) {
    return """
        package PKG;

        import io.fld.api.metric.*;
        import io.fld.api.plugin.FldPlugin;
        import java.util.List;

        public final class Plugin implements FldPlugin {
          @Override
          public List<MetricProvider> metrics() {
            return List.of(new MetricProvider() {
              public String name() { return "ID"; }
              public String description() { return "test metric ID"; }
              public List<OptionSpec> options() { return List.of(); }
              public Metric create(MetricOptions options) {
                throw new UnsupportedOperationException();
              }
            });
          }
        }
        """
        .replace("PKG", pkg)
        .replace("ID", id);
  }

  /** Returns a module declaration of {@code module} that provides {@code pkg.Plugin}. */
  static String moduleInfo(String module, String pkg) {
    return "module "
        + module
        + " { requires io.fld.api; provides io.fld.api.plugin.FldPlugin with "
        + pkg
        + ".Plugin; }";
  }

  /** Returns the UTF-8 bytes of {@code text}. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
