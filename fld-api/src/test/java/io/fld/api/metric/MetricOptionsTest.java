package io.fld.api.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricOptionsTest {
  private static final String OWNER = "metric fld";

  @Test
  void integerBeyondIntRangeNamesRange() {
    MetricOptions options = MetricOptions.defaults().with("gen-size", "99999999999");

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> options.integer(OWNER, "gen-size", 5, 1, 100));

    String message = error.getMessage();
    assertTrue(message.contains("option gen-size of metric fld"), message);
    assertTrue(message.contains("[1, 100]"), message);
    assertTrue(message.contains("99999999999"), message);
    assertFalse(message.contains("needs an integer"), message);
  }

  @Test
  void integerWithoutOwnerNamesIntRange() {
    MetricOptions options = MetricOptions.defaults().with("gen-size", "99999999999");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> options.integer("gen-size", 5));

    String message = error.getMessage();
    assertTrue(message.contains("[-2147483648, 2147483647]"), message);
    assertFalse(message.contains("needs an integer"), message);
  }

  @Test
  void integerBelowMinimumNamesOwnerAndRange() {
    MetricOptions options = MetricOptions.defaults().with("epochs", "0");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> options.integer(OWNER, "epochs", 5, 1, 9));

    String message = error.getMessage();
    assertTrue(message.contains("option epochs of metric fld must lie in [1, 9]"), message);
    assertTrue(message.contains("got 0"), message);
  }

  @Test
  void nonIntegerNamesOwner() {
    MetricOptions options = MetricOptions.defaults().with("epochs", "many");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> options.integer(OWNER, "epochs", 5, 1, 9));

    assertTrue(error.getMessage().contains("option epochs of metric fld"), error.getMessage());
    assertTrue(error.getMessage().contains("'many'"), error.getMessage());
  }

  @Test
  void integerInRangeIsParsed() {
    MetricOptions options = MetricOptions.defaults().with("epochs", " +7 ");

    assertEquals(7, options.integer(OWNER, "epochs", 5, 1, 9));
    assertEquals(3, options.integer(OWNER, "unset", 3, 1, 9));
  }

  @Test
  void nonFiniteRealNamesOwner() {
    MetricOptions options = MetricOptions.defaults().with("learning-rate", "Infinity");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> options.real(OWNER, "learning-rate", 0.5));

    assertTrue(
        error.getMessage().contains("option learning-rate of metric fld"), error.getMessage());
  }

  @Test
  void unknownOptionNamesScoreKind() {
    MetricOptions options = MetricOptions.defaults().with("nope", 1);
    List<OptionSpec> specs = List.of(new OptionSpec("epochs", "int", "50", "passes"));

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> options.requireKnownFor("score kind quality", specs));

    assertTrue(
        error.getMessage().contains("unknown option 'nope' for score kind quality"),
        error.getMessage());
  }

  @Test
  void unknownOptionNamesMetric() {
    MetricOptions options = MetricOptions.defaults().with("nope", 1);
    List<OptionSpec> specs = List.of(new OptionSpec("epochs", "int", "50", "passes"));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> options.requireKnown("fld", specs));

    assertTrue(
        error.getMessage().contains("unknown option 'nope' for metric fld"), error.getMessage());
  }
}
