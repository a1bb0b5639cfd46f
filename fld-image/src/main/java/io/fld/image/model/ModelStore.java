package io.fld.image.model;

import io.fld.api.FldHome;
import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The model folder ({@code <home>/models}, with the home resolved by {@link FldHome}: {@code
 * $FLD_HOME}, else {@code $XDG_CACHE_HOME/fld}, else {@code ~/.cache/fld}): finds, downloads and
 * verifies model files.
 *
 * <p>A download streams to a temporary file in the same folder while its SHA-256 is computed, is
 * checked against the published checksum (or, when none is published, against the one recorded at
 * the first pull), and only then is renamed into place atomically, so an interrupted or corrupted
 * download never leaves a file that looks complete. When no checksum is published, the first pull
 * records it in {@code FILE.sha256} beside the model.
 */
public final class ModelStore {

  /** The environment variable that moves the tool's home folder. */
  public static final String HOME_VARIABLE = FldHome.HOME_VARIABLE;

  private static final System.Logger LOG = System.getLogger(ModelStore.class.getName());
  private static final String CHECKSUM_SUFFIX = ".sha256";
  private static final String PARTIAL_SUFFIX = ".part";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final int HTTP_OK = 200;

  private final Path directory;
  private final HttpClient client;

  /** Uses {@code directory} as the model folder. */
  public ModelStore(Path directory) {
    this.directory = directory;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
  }

  /** Returns the model folder of the process environment, {@code <home>/models}. */
  public static Path defaultDirectory() {
    return FldHome.modelDirectory(FldHome.fromEnvironment());
  }

  /**
   * Returns the model folder for the environment variables {@code environment}: {@code
   * <home>/models}, with the home resolved by {@link FldHome}, as the extractors resolve it.
   */
  public static Path defaultDirectory(Map<String, String> environment, String userHome) {
    return FldHome.modelDirectory(FldHome.resolve(environment, userHome));
  }

  /** Returns the model folder. */
  public Path directory() {
    return directory;
  }

  /** Returns where the file of {@code entry} belongs. */
  public Path pathOf(ModelEntry entry) {
    return directory.resolve(entry.fileName());
  }

  /**
   * Returns the model file of {@code entry}.
   *
   * @throws InvalidInputException if it is missing; the message names the expected path, the
   *     command that downloads it and its address
   */
  public Path require(ModelEntry entry) {
    Path path = pathOf(entry);
    if (Files.isRegularFile(path)) {
      return path;
    }
    throw new InvalidInputException(missingMessage(entry, path));
  }

  /** Returns the model file, downloading it first when it is missing. */
  public Path pullIfMissing(ModelEntry entry) throws IOException {
    Path path = pathOf(entry);
    return Files.isRegularFile(path) ? path : pull(entry);
  }

  /** Returns the published checksum, or the one recorded at the first pull. */
  public Optional<String> expectedChecksum(ModelEntry entry) throws IOException {
    if (entry.sha256().isPresent()) {
      return entry.sha256();
    }
    Path recorded = checksumFile(entry);
    if (!Files.isRegularFile(recorded)) {
      return Optional.empty();
    }
    return Optional.of(Files.readString(recorded, StandardCharsets.US_ASCII).trim());
  }

  /**
   * Downloads the model of {@code entry} from its address, verifies it and moves it into place.
   *
   * @throws InvalidInputException if the entry has no address, the server returns an HTTP error, or
   *     the checksum differs
   * @throws IOException if the download fails; the message names the address and the expected path,
   *     so that the file can be fetched by other means
   */
  public Path pull(ModelEntry entry) throws IOException {
    if (entry.url().isBlank()) {
      throw new InvalidInputException(missingMessage(entry, pathOf(entry)));
    }
    Files.createDirectories(directory);
    Path target = pathOf(entry);
    Path partial = Files.createTempFile(directory, entry.fileName() + ".", PARTIAL_SUFFIX);
    try {
      String actual = download(entry, partial);
      Optional<String> expected = expectedChecksum(entry);
      if (expected.isPresent() && !expected.get().equals(actual)) {
        throw new InvalidInputException(
            entry.url()
                + ": the download has SHA-256 "
                + actual
                + " but "
                + expected.get()
                + " was expected; the file at the address changed or the download was damaged."
                + " Nothing was installed at "
                + target);
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (expected.isEmpty()) {
        Files.writeString(checksumFile(entry), actual + "\n", StandardCharsets.US_ASCII);
        LOG.log(Level.INFO, "recorded SHA-256 {0} of {1} at its first pull", actual, target);
      }
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Checks the file of {@code entry} against its published or recorded checksum. */
  public ModelStatus verify(ModelEntry entry) throws IOException {
    Path path = pathOf(entry);
    Optional<String> expected = expectedChecksum(entry);
    if (!Files.isRegularFile(path)) {
      return new ModelStatus(entry, path, ModelStatus.State.MISSING, Optional.empty(), expected);
    }
    String actual = ModelFiles.sha256(path);
    ModelStatus.State state =
        expected.isEmpty()
            ? ModelStatus.State.UNVERIFIED
            : expected.get().equals(actual)
                ? ModelStatus.State.VERIFIED
                : ModelStatus.State.MISMATCH;
    return new ModelStatus(entry, path, state, Optional.of(actual), expected);
  }

  private String download(ModelEntry entry, Path partial) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(entry.url())).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download of " + entry.url() + " was interrupted", e);
    } catch (IOException e) {
      throw new IOException(unreachableMessage(entry, e), e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != HTTP_OK) {
        throw new InvalidInputException(
            entry.url()
                + ": the server answered HTTP "
                + response.statusCode()
                + "; download the"
                + " file by other means and save it as "
                + pathOf(entry));
      }
      MessageDigest digest = ModelFiles.newDigest();
      try (InputStream input = new DigestInputStream(body, digest);
          OutputStream output = Files.newOutputStream(partial)) {
        input.transferTo(output);
      }
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  private Path checksumFile(ModelEntry entry) {
    return directory.resolve(entry.fileName() + CHECKSUM_SUFFIX);
  }

  private static String missingMessage(ModelEntry entry, Path path) {
    String source =
        entry.url().isBlank()
            ? "No download address is known for it: export the model to ONNX and pass it with"
                + " --model FILE, or save it as that path."
            : "Download it with 'fld models pull "
                + entry.extractorId()
                + "' (from "
                + entry.url()
                + "), or save that file as the path above, or pass --model FILE.";
    return "the model of extractor " + entry.extractorId() + " is not at " + path + ". " + source;
  }

  private String unreachableMessage(ModelEntry entry, IOException cause) {
    return "cannot download "
        + entry.url()
        + " ("
        + cause
        + "); when offline, copy the file from"
        + " a machine that has it and save it as "
        + pathOf(entry)
        + ", or pass --model FILE";
  }
}
