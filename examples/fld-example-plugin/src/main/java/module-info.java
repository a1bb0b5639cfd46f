/** An example third-party plugin. */
module io.fld.example {
  exports io.fld.example;

  requires io.fld.api;
}
