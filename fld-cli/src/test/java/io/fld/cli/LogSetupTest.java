package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogSetupTest {
  private static final Logger LIBRARY = Logger.getLogger("com.google.inject.internal.Example");
  private static final Logger PRODUCT = Logger.getLogger("io.fld.cli.Example");

  private static String logged(boolean verbose) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogSetup.configure(new PrintStream(bytes, true, StandardCharsets.UTF_8), verbose);
    LIBRARY.log(Level.FINE, "library detail");
    LIBRARY.log(Level.WARNING, "library warning");
    PRODUCT.log(Level.FINE, "product detail");
    PRODUCT.log(Level.INFO, "product progress");
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void verboseShowsProductDetailOnly() {
    String err = logged(true);

    assertTrue(err.contains("[FINE] product detail"), err);
    assertTrue(err.contains("[WARNING] library warning"), err);
    assertFalse(err.contains("library detail"), err);
  }

  @Test
  void defaultHidesDetail() {
    String err = logged(false);

    assertTrue(err.contains("[INFO] product progress"), err);
    assertFalse(err.contains("product detail"), err);
    assertFalse(err.contains("library detail"), err);
  }
}
