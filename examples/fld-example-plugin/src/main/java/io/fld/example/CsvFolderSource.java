package io.fld.example;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The non-blank lines of a sorted list of CSV files, each parsed as one row of numbers. */
final class CsvFolderSource implements SampleSource<float[]> {
  private final Path folder;
  private final List<Path> files;
  private final int size;

  CsvFolderSource(Path folder, List<Path> files) throws IOException {
    this.folder = folder;
    this.files = List.copyOf(files);
    this.size = countRows(this.files);
  }

  private static int countRows(List<Path> files) throws IOException {
    int rows = 0;
    for (Path file : files) {
      try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
        rows += (int) lines.filter(line -> !line.isBlank()).count();
      }
    }
    return rows;
  }

  @Override
  public String description() {
    return folder.toString();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Class<float[]> sampleType() {
    return float[].class;
  }

  @Override
  public String fingerprint() throws IOException {
    MessageDigest digest = sha256();
    for (Path file : files) {
      String entry =
          file.getFileName()
              + "|"
              + Files.size(file)
              + "|"
              + Files.getLastModifiedTime(file).toMillis()
              + "\n";
      digest.update(entry.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  @Override
  public SampleCursor<float[]> open() {
    return new Cursor();
  }

  /** Reads the files one after another, keeping at most one open. */
  private final class Cursor implements SampleCursor<float[]> {
    private int fileIndex = -1;
    private int lineNumber;
    private BufferedReader reader;

    @Override
    public List<Sample<float[]>> next(int maxCount) throws IOException {
      List<Sample<float[]>> batch = new ArrayList<>(maxCount);
      while (batch.size() < maxCount) {
        String line = nextLine();
        if (line == null) {
          break;
        }
        Path file = files.get(fileIndex);
        String name = file.getFileName() + ":" + lineNumber;
        batch.add(new Sample<>(name, parse(line, name)));
      }
      return batch;
    }

    private String nextLine() throws IOException {
      while (true) {
        if (reader == null && !openNextFile()) {
          return null;
        }
        String line = reader.readLine();
        if (line == null) {
          reader.close();
          reader = null;
          continue;
        }
        lineNumber++;
        if (!line.isBlank()) {
          return line;
        }
      }
    }

    private boolean openNextFile() throws IOException {
      if (fileIndex + 1 >= files.size()) {
        return false;
      }
      fileIndex++;
      lineNumber = 0;
      reader = Files.newBufferedReader(files.get(fileIndex), StandardCharsets.UTF_8);
      return true;
    }

    private float[] parse(String line, String name) {
      String[] cells = line.split(",", -1);
      float[] values = new float[cells.length];
      for (int column = 0; column < cells.length; column++) {
        try {
          values[column] = Float.parseFloat(cells[column].trim());
        } catch (NumberFormatException e) {
          throw new InvalidInputException(
              folder.resolve(name)
                  + ", column "
                  + (column + 1)
                  + ": '"
                  + cells[column]
                  + "' is not a number; every cell must be a number",
              e);
        }
      }
      return values;
    }

    @Override
    public void close() throws IOException {
      if (reader != null) {
        reader.close();
        reader = null;
      }
      fileIndex = files.size();
    }
  }
}
