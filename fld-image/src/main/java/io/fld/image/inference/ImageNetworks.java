package io.fld.image.inference;

import io.fld.image.model.ModelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses the engine for a model file by its content. */
public final class ImageNetworks {

  private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

  private ImageNetworks() {}

  /**
   * Returns a lazily loaded network for {@code file}: TorchScript when the file is a zip archive
   * (the format {@code torch.jit.save} writes), ONNX otherwise.
   */
  public static ImageNetwork open(Path file, ModelEntry entry, int threads, String device)
      throws IOException {
    if (isTorchScript(file)) {
      return new TorchScriptNetwork(file, entry, threads, device);
    }
    return new OnnxNetwork(file, entry, threads, device);
  }

  /** Returns whether {@code file} starts with the zip signature of TorchScript archives. */
  public static boolean isTorchScript(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream input = Files.newInputStream(file)) {
      byte[] head = input.readNBytes(ZIP_SIGNATURE.length);
      return java.util.Arrays.equals(head, ZIP_SIGNATURE);
    }
  }
}
