/** Orchestration and shared numerics of FLD for the JVM. */
module io.fld.core {
  requires transitive io.fld.api;
  requires com.google.guice;
  // Guice runs as an automatic module, which cannot declare that it needs jakarta.inject, so this
  // line is what puts jakarta.inject into the module graph.
  requires jakarta.inject;
  requires me.tongfei.progressbar;
  requires org.bytedeco.javacpp;
  requires org.bytedeco.openblas;

  exports io.fld.core;
  exports io.fld.core.cache;
  exports io.fld.core.extract;
  exports io.fld.core.inject;
  exports io.fld.core.io;
  exports io.fld.core.plugin;
  exports io.fld.core.linalg;

  opens io.fld.core.extract to
      com.google.guice;
  opens io.fld.core.inject to
      com.google.guice;

  uses io.fld.api.plugin.FldPlugin;
}
