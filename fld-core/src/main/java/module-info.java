/** Orchestration and shared numerics of FLD for the JVM. */
module io.fld.core {
  requires transitive io.fld.api;
  requires com.google.guice;
  requires org.bytedeco.javacpp;
  requires org.bytedeco.openblas;

  exports io.fld.core.cache;
  exports io.fld.core.extract;
  exports io.fld.core.io;
  exports io.fld.core.linalg;

  uses io.fld.api.plugin.FldPlugin;
}
