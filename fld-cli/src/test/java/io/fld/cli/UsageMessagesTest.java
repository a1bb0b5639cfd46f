package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line mistakes are reported in plain sentences, and every command has --help. */
class UsageMessagesTest {
  @TempDir Path work;

  private CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(work.resolve("home"));
  }

  @Test
  void unknownCommandListsTheCommands() {
    CliRunner.Result result = cli.run("evalute");

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(
        result.err().contains("unknown command 'evalute'; commands: evaluate, scores, extract"),
        result.err());
  }

  @Test
  void seedThatIsNotAnIntegerNamed() {
    CliRunner.Result result = cli.run("evaluate", "--seed", "abc");

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(result.err().contains("--seed needs an integer, got 'abc'"), result.err());
  }

  @Test
  void modelsSubcommandsHaveHelp() {
    for (String subcommand : new String[] {"list", "pull", "verify"}) {
      CliRunner.Result result = cli.run("models", subcommand, "--help");

      assertEquals(Main.OK, result.status(), subcommand + ": " + result.err());
      assertTrue(result.out().contains("Usage: fld models " + subcommand), result.out());
    }
  }
}
