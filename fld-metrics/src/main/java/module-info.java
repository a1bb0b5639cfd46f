/** The metrics of FLD for the JVM, contributed as a plugin. */
module io.fld.metrics {
  requires io.fld.api;
  requires io.fld.core;

  exports io.fld.metrics.fld;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.metrics.MetricsPlugin;
}
