package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.image.model.ModelEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The models command over a model folder the test prepares; nothing is downloaded. */
class ModelsCommandTest {

  private static final String CONTENT_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @TempDir Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void listShowsPathsStatesAndAddresses() throws IOException {
    Files.writeString(folder.resolve("a.onnx"), "hello");

    int status = run("--model-dir", folder.toString(), "list");

    assertEquals(0, status);
    assertTrue(out.toString().contains("alpha"), out.toString());
    assertTrue(out.toString().contains("present"), out.toString());
    assertTrue(out.toString().contains("missing"), out.toString());
    assertTrue(out.toString().contains("http://127.0.0.1:9/a.onnx"), out.toString());
    assertTrue(out.toString().contains("(no download; use --model FILE)"), out.toString());
  }

  @Test
  void verifyReportsEachStateAndFailsOnAMismatch() throws IOException {
    Files.writeString(folder.resolve("a.onnx"), "hello", StandardCharsets.UTF_8);

    int good = run("--model-dir", folder.toString(), "verify", "alpha");
    Files.writeString(folder.resolve("a.onnx"), "tampered", StandardCharsets.UTF_8);
    int bad = run("--model-dir", folder.toString(), "verify");

    assertEquals(0, good);
    assertEquals(1, bad);
    assertTrue(out.toString().contains("alpha      verified"), out.toString());
    assertTrue(out.toString().contains("alpha      mismatch"), out.toString());
    assertTrue(out.toString().contains("beta       missing"), out.toString());
  }

  @Test
  void unknownIdIsAnInputError() {
    int status = run("--model-dir", folder.toString(), "pull", "gamma");

    assertEquals(2, status);
    assertTrue(err.toString().contains("no extractor 'gamma'"), err.toString());
    assertTrue(err.toString().contains("alpha, beta"), err.toString());
  }

  private int run(String... args) {
    List<ModelEntry> entries =
        List.of(
            new ModelEntry(
                "alpha",
                "a.onnx",
                "http://127.0.0.1:9/a.onnx",
                Optional.of(CONTENT_SHA256),
                "x",
                "y",
                4,
                2),
            new ModelEntry("beta", "b.onnx", "", Optional.empty(), "x", "y", 4, 2));
    CommandLine command = new CommandLine(new ModelsCommand(() -> entries));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
