/** Benchmarks of the metrics on synthetic features. */
module io.fld.bench {
  requires io.fld.api;
  requires io.fld.core;

  uses io.fld.api.plugin.FldPlugin;
}
