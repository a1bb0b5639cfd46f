/**
 * The stable service provider interface of FLD for the JVM.
 *
 * <p>A plugin implements {@link io.fld.api.plugin.FldPlugin} and declares it both here, with {@code
 * provides}, and in {@code META-INF/services}, so that it is found on the module path and on the
 * class path alike.
 */
module io.fld.api {
  exports io.fld.api;
  exports io.fld.api.feature;
  exports io.fld.api.metric;
  exports io.fld.api.sample;
  exports io.fld.api.extract;
  exports io.fld.api.plugin;

  uses io.fld.api.plugin.FldPlugin;
}
