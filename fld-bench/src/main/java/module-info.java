/** Benchmarks of the metrics on synthetic features and checks against reference values. */
module io.fld.bench {
  requires io.fld.api;
  requires io.fld.core;
  requires com.fasterxml.jackson.databind;

  uses io.fld.api.plugin.FldPlugin;
}
