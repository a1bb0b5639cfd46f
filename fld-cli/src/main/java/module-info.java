/** The fld command. */
module io.fld.cli {
  requires io.fld.api;
  requires io.fld.core;
  requires io.fld.image;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  opens io.fld.cli to
      info.picocli;

  uses io.fld.api.plugin.FldPlugin;
}
