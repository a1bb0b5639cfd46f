package io.fld.example;

import io.fld.api.sample.SampleSourceProvider;
import io.fld.core.conformance.SampleSourceConformanceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class CsvFolderSourceConformanceTest extends SampleSourceConformanceTest {
  @Override
  protected SampleSourceProvider provider() {
    return new CsvFolderSourceProvider();
  }

  @Override
  protected Path createInput(Path folder) throws IOException {
    Path input = Files.createDirectories(folder.resolve("rows"));
    Files.writeString(input.resolve("b.csv"), "5,6,7,8\n\n9,10,11,12\n");
    Files.writeString(input.resolve("a.csv"), "1,2,3,4\n");
    Files.writeString(input.resolve("notes.txt"), "not a sample");
    return input;
  }
}
