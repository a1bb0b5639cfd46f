package io.fld.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the peak resident memory of this process from Linux's {@code /proc/self/status}. */
final class PeakMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final String PEAK_FIELD = "VmHWM:";
  private static final double KIBIBYTES_PER_MEBIBYTE = 1024;

  private PeakMemory() {}

  /**
   * Returns the high-water mark of resident memory in MiB.
   *
   * @throws IOException if the status file is unreadable or lacks the field, as on systems other
   *     than Linux
   */
  static double residentMebibytes() throws IOException {
    for (String line : Files.readAllLines(STATUS)) {
      if (line.startsWith(PEAK_FIELD)) {
        String kibibytes = line.substring(PEAK_FIELD.length()).replace("kB", "").trim();
        return Long.parseLong(kibibytes) / KIBIBYTES_PER_MEBIBYTE;
      }
    }
    throw new IOException(STATUS + " has no " + PEAK_FIELD + " line; peak memory needs Linux");
  }
}
