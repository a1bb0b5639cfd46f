package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command in a child JVM on the module path, where a modular plugin jar is resolved into
 * its own module layer and a plain jar gets its own class loader.
 */
class ModulePathIT {
  private static final long TIMEOUT_SECONDS = 60;
  private static final List<String> TEST_ONLY =
      List.of("test-classes", "-tests.jar", "junit", "opentest4j", "apiguardian", "surefire");

  @TempDir Path work;

  private Path plugins;

  @BeforeEach
  void setUp() throws IOException {
    plugins = Files.createDirectories(work.resolve("plugins"));
  }

  /** Returns the test class path without test-only entries: the tool and its dependencies. */
  private static String modulePath() {
    String classPath = System.getProperty("java.class.path");
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> TEST_ONLY.stream().noneMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private record Run(int status, String out, String err) {}

  private Run runOnModulePath(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("--module-path", modulePath(), "-m", "io.fld.cli/io.fld.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("FLD_HOME", work.resolve("home").toString());
    builder.redirectOutput(work.resolve("out.txt").toFile());
    builder.redirectError(work.resolve("err.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the child JVM timed out");
    return new Run(
        process.exitValue(),
        Files.readString(work.resolve("out.txt")),
        Files.readString(work.resolve("err.txt")));
  }

  /** Copies the example jar without its module descriptor, making it a plain jar. */
  private static void copyWithoutModuleInfo(Path source, Path target) throws IOException {
    try (InputStream in = Files.newInputStream(source);
        JarInputStream jarIn = new JarInputStream(in);
        OutputStream out = Files.newOutputStream(target);
        JarOutputStream jarOut = new JarOutputStream(out, jarIn.getManifest())) {
      for (JarEntry entry = jarIn.getNextJarEntry();
          entry != null;
          entry = jarIn.getNextJarEntry()) {
        if (!entry.getName().endsWith("module-info.class")) {
          jarOut.putNextEntry(new JarEntry(entry.getName()));
          jarIn.transferTo(jarOut);
          jarOut.closeEntry();
        }
      }
    }
  }

  @Test
  void modularJarInOwnLayer() throws Exception {
    Files.copy(PluginFolderIT.EXAMPLE_JAR, plugins.resolve("example.jar"));

    Run run = runOnModulePath("list", "--plugins", plugins.toString());

    assertEquals(Main.OK, run.status(), run.err());
    assertTrue(run.out().contains("mean_shift"), run.out());
    assertTrue(run.out().contains("module layer of " + plugins), run.out());
    assertTrue(run.out().contains("module io.fld.example"), run.out());
  }

  @Test
  void plainJarInOwnLoader() throws Exception {
    copyWithoutModuleInfo(PluginFolderIT.EXAMPLE_JAR, plugins.resolve("plain-example.jar"));

    Run run = runOnModulePath("list", "--plugins", plugins.toString());

    assertEquals(Main.OK, run.status(), run.err());
    assertTrue(run.out().contains("mean_shift"), run.out());
    assertTrue(run.out().contains("class loader of " + plugins), run.out());
  }

  @Test
  void layerExtractorExtracts() throws Exception {
    Files.copy(PluginFolderIT.EXAMPLE_JAR, plugins.resolve("example.jar"));
    Path input = Files.createDirectories(work.resolve("rows"));
    Files.writeString(input.resolve("a.csv"), "1,2,3,4\n5,6,7,8\n");
    Path output = work.resolve("features.npy");

    Run run =
        runOnModulePath(
            "extract",
            "--plugins",
            plugins.toString(),
            "--extractor",
            "identity",
            "--input",
            input.toString(),
            "--output",
            output.toString());

    assertEquals(Main.OK, run.status(), run.err());
    io.fld.api.feature.FeatureSet features = io.fld.core.io.FeatureFiles.read(output);
    assertEquals(2, features.rows());
    assertEquals(8f, features.get(1, 3));
  }

  @Test
  void layerMetricComputes() throws Exception {
    Files.copy(PluginFolderIT.EXAMPLE_JAR, plugins.resolve("example.jar"));
    Path train = work.resolve("train.npy");
    Path gen = work.resolve("gen.npy");
    io.fld.core.io.FeatureFiles.write(
        train, io.fld.api.feature.FeatureSet.of(new float[][] {{0, 0}, {2, 0}}, "train"));
    io.fld.core.io.FeatureFiles.write(
        gen, io.fld.api.feature.FeatureSet.of(new float[][] {{4, 4}, {4, 2}}, "gen"));

    Run run =
        runOnModulePath(
            "evaluate",
            "--plugins",
            plugins.toString(),
            "--train",
            train.toString(),
            "--gen",
            gen.toString(),
            "--metrics",
            "mean_shift",
            "--format",
            "csv");

    assertEquals(Main.OK, run.status(), run.err());
    assertEquals(
        List.of("metric,value", "mean_shift," + Math.sqrt(18)),
        run.out().lines().toList(),
        run.err());
  }
}
