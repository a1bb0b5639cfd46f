/** The fld command. */
module io.fld.cli {
  requires io.fld.api;
  requires io.fld.core;
  requires io.fld.image;
  requires info.picocli;
  requires com.google.guice;
  requires com.fasterxml.jackson.databind;
  requires java.logging;

  opens io.fld.cli to
      info.picocli;

  uses io.fld.api.plugin.FldPlugin;
}
