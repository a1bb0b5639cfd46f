/** The metrics of FLD for the JVM, contributed as a plugin. */
module io.fld.metrics {
  requires io.fld.api;
  requires io.fld.core;

  exports io.fld.metrics;
  exports io.fld.metrics.copying;
  exports io.fld.metrics.fld;
  exports io.fld.metrics.frechet;
  exports io.fld.metrics.kernel;
  exports io.fld.metrics.manifold;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.metrics.MetricsPlugin;
}
