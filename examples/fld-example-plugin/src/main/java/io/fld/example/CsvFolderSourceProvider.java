package io.fld.example;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.SampleSource;
import io.fld.api.sample.SampleSourceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens folders of {@code .csv} files as sources of {@code float[]} samples, one sample per
 * non-blank line, files in sorted name order.
 */
public final class CsvFolderSourceProvider implements SampleSourceProvider {
  static final String NAME = "csv-folder";
  static final String EXTENSION = ".csv";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "folders of .csv files, one sample of comma-separated numbers per line";
  }

  @Override
  public Class<?> sampleType() {
    return float[].class;
  }

  @Override
  public boolean accepts(Path path) {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries.anyMatch(CsvFolderSourceProvider::isCsv);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public SampleSource<?> open(Path path, Map<String, String> options) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new InvalidInputException(path + " is not a folder; give a folder of .csv files");
    }
    List<Path> files;
    try (Stream<Path> entries = Files.list(path)) {
      files = entries.filter(CsvFolderSourceProvider::isCsv).sorted().collect(Collectors.toList());
    }
    if (files.isEmpty()) {
      throw new InvalidInputException(
          path + " contains no .csv files; add some or give another folder");
    }
    return new CsvFolderSource(path, files);
  }

  private static boolean isCsv(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().endsWith(EXTENSION);
  }
}
