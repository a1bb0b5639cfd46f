/** An example third-party plugin: CSV samples, an identity extractor and a toy metric. */
module io.fld.example {
  requires io.fld.api;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.example.ExamplePlugin;
}
