package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.core.Fld;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the Java quick start of the documentation exactly as written and runs it on generated
 * feature files, so that the documented code keeps working.
 */
class ReadmeSnippetTest {
  /** The document whose first {@code java} code block is the quick start. */
  static final Path DOCUMENT = Path.of("../README.md");

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final String CLASS_NAME = "QuickStart";
  private static final long TIMEOUT_SECONDS = 120;
  private static final int ROWS = 300;
  private static final int DIMENSION = 8;

  @TempDir Path work;

  /** Returns the code block, split into its import lines and its statements. */
  private static List<List<String>> snippet() throws IOException {
    Matcher matcher = JAVA_BLOCK.matcher(Files.readString(DOCUMENT));
    assertTrue(matcher.find(), "no ```java block in " + DOCUMENT);
    List<String> imports = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    for (String line : matcher.group(1).split("\n")) {
      (line.startsWith("import ") ? imports : statements).add(line);
    }
    return List.of(imports, statements);
  }

  private Path compile() throws IOException {
    List<List<String>> parts = snippet();
    StringBuilder source = new StringBuilder();
    parts.get(0).forEach(line -> source.append(line).append('\n'));
    source.append("public class ").append(CLASS_NAME).append(" {\n");
    source.append("  public static void main(String[] args) throws Exception {\n");
    parts.get(1).forEach(line -> source.append("    ").append(line).append('\n'));
    source.append("  }\n}\n");

    Path file = Files.writeString(work.resolve(CLASS_NAME + ".java"), source.toString());
    Path classes = Files.createDirectories(work.resolve("classes"));
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    String classPath = System.getProperty("java.class.path");
    int status =
        javac.run(
            System.out, System.err, "-cp", classPath, "-d", classes.toString(), file.toString());
    assertEquals(0, status, "the snippet does not compile:\n" + source);
    return classes;
  }

  private void writeFeatures(String name, double offset, long seed) throws IOException {
    Random random = new Random(seed);
    float[][] rows = new float[ROWS][DIMENSION];
    for (float[] row : rows) {
      for (int column = 0; column < DIMENSION; column++) {
        row[column] = (float) (offset + random.nextGaussian());
      }
    }
    FeatureFiles.write(work.resolve(name), FeatureSet.of(rows, name));
  }

  @Test
  void snippetCompiles() throws IOException {
    Path classes = compile();

    assertTrue(Files.isRegularFile(classes.resolve(CLASS_NAME + ".class")));
  }

  @Test
  void snippetRuns() throws Exception {
    // NOTE: runs once the built-in plugin registers fld and kid; until then only compiling is
    // checked, by snippetCompiles.
    assumeTrue(Fld.registry().findMetric("fld").isPresent(), "metric fld is not registered yet");
    assumeTrue(Fld.registry().findMetric("kid").isPresent(), "metric kid is not registered yet");
    Path classes = compile();
    writeFeatures("train.npy", 0, 1);
    writeFeatures("test.npy", 0, 2);
    writeFeatures("gen.npy", 0.1, 3);

    String classPath = classes + java.io.File.pathSeparator + System.getProperty("java.class.path");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classPath, CLASS_NAME);
    builder.directory(work.toFile());
    builder.environment().put("FLD_HOME", work.resolve("home").toString());
    builder.redirectOutput(work.resolve("out.txt").toFile());
    builder.redirectError(work.resolve("err.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the snippet timed out");

    String err = Files.readString(work.resolve("err.txt"));
    String out = Files.readString(work.resolve("out.txt"));
    assertEquals(0, process.exitValue(), err);
    assertTrue(out.contains("FLD: "), out);
    assertTrue(out.contains("KID: "), out);
    assertFalse(out.contains("NaN"), out);
  }
}
