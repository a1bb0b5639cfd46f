package io.fld.image.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from an HTTP server the test runs on 127.0.0.1, and checks the model folder. */
class ModelStoreTest {

  private static final byte[] MODEL =
      "pretend these are ONNX weights".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;

  private HttpServer server;
  private final AtomicReference<byte[]> served = new AtomicReference<>(MODEL);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/models/tiny.onnx",
        exchange -> {
          byte[] body = served.get();
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/missing.onnx",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void defaultFolderFollowsXdgCache() {
    Path models = ModelStore.defaultDirectory(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/u");

    assertEquals(Path.of("/xdg/fld/models"), models);
  }

  @Test
  void fldHomeMovesTheDefaultFolder() {
    Map<String, String> environment = Map.of("FLD_HOME", "/h", "XDG_CACHE_HOME", "/xdg");

    assertEquals(Path.of("/h/models"), ModelStore.defaultDirectory(environment, "/home/u"));
  }

  @Test
  void firstPullRecordsChecksum() throws IOException {
    ModelStore store = new ModelStore(folder.resolve("models"));
    ModelEntry entry = entry("/models/tiny.onnx", Optional.empty());

    Path installed = store.pull(entry);

    assertArrayEquals(MODEL, Files.readAllBytes(installed));
    assertEquals(Optional.of(sha256(MODEL)), store.expectedChecksum(entry));
    assertEquals(ModelStatus.State.VERIFIED, store.verify(entry).state());
    served.set("changed upstream".getBytes(StandardCharsets.UTF_8));
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> store.pull(entry));
    assertTrue(error.getMessage().contains("SHA-256"), error.getMessage());
    assertArrayEquals(MODEL, Files.readAllBytes(installed));
    assertNoPartialFiles(store);
  }

  @Test
  void publishedChecksumMismatchInstallsNothing() throws IOException {
    ModelStore store = new ModelStore(folder);
    ModelEntry entry = entry("/models/tiny.onnx", Optional.of(sha256(new byte[] {1})));

    assertThrows(InvalidInputException.class, () -> store.pull(entry));

    assertFalse(Files.exists(store.pathOf(entry)));
    assertEquals(ModelStatus.State.MISSING, store.verify(entry).state());
    assertNoPartialFiles(store);
  }

  @Test
  void damagedFileFailsVerification() throws IOException {
    ModelStore store = new ModelStore(folder);
    ModelEntry entry = entry("/models/tiny.onnx", Optional.of(sha256(MODEL)));
    store.pull(entry);

    Files.write(store.pathOf(entry), new byte[] {0});

    ModelStatus status = store.verify(entry);
    assertEquals(ModelStatus.State.MISMATCH, status.state());
    assertEquals(Optional.of(sha256(new byte[] {0})), status.actualSha256());
  }

  @Test
  void httpErrorAndOfflineNamePaths() throws IOException {
    ModelStore store = new ModelStore(folder);
    ModelEntry missing = entry("/missing.onnx", Optional.empty());
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ModelEntry unreachable =
        new ModelEntry(
            "tiny",
            "tiny.onnx",
            "http://127.0.0.1:" + closedPort + "/x.onnx",
            Optional.empty(),
            "x",
            "y",
            4,
            2);

    InvalidInputException notFound =
        assertThrows(InvalidInputException.class, () -> store.pull(missing));
    IOException offline = assertThrows(IOException.class, () -> store.pull(unreachable));

    assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
    assertTrue(
        notFound.getMessage().contains(store.pathOf(missing).toString()), notFound.getMessage());
    assertTrue(offline.getMessage().contains(unreachable.url()), offline.getMessage());
    assertTrue(
        offline.getMessage().contains(store.pathOf(unreachable).toString()), offline.getMessage());
    assertNoPartialFiles(store);
  }

  @Test
  void missingModelMessageNamesPathCommandAndAddress() {
    ModelStore store = new ModelStore(folder);
    ModelEntry entry = entry("/models/tiny.onnx", Optional.empty());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> store.require(entry));

    assertTrue(error.getMessage().contains(store.pathOf(entry).toString()), error.getMessage());
    assertTrue(error.getMessage().contains("fld models pull tiny"), error.getMessage());
    assertTrue(error.getMessage().contains(entry.url()), error.getMessage());
  }

  private ModelEntry entry(String path, Optional<String> sha256) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
    return new ModelEntry("tiny", "tiny.onnx", url, sha256, "x", "y", 4, 2);
  }

  private static void assertNoPartialFiles(ModelStore store) throws IOException {
    if (Files.isDirectory(store.directory())) {
      try (var files = Files.list(store.directory())) {
        assertTrue(files.noneMatch(file -> file.toString().endsWith(".part")));
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
