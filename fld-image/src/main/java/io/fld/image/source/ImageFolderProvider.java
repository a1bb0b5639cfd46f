package io.fld.image.source;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.RgbImage;
import io.fld.api.sample.SampleSource;
import io.fld.api.sample.SampleSourceProvider;
import io.fld.image.decode.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code image-folder} sample source kind: a folder of images searched recursively, or a zip
 * archive of images. Options: {@code extensions}, {@code labels}, {@code skip-invalid}, {@code
 * content-hash} and {@code pixel-limit} (see {@link ImageSourceOptions}).
 */
public final class ImageFolderProvider implements SampleSourceProvider {

  /** The provider name. */
  public static final String NAME = "image-folder";

  private static final String ZIP_EXTENSION = ".zip";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Returns the one-line description, which also documents the options, because the sample source
   * interface has no separate option list.
   */
  @Override
  public String description() {
    return "a folder of PNG, JPEG, BMP, GIF or WebP images (searched recursively), or a zip of"
        + " them. Options: "
        + ImageSourceOptions.EXTENSIONS
        + "=LIST (comma-separated file extensions to read, default "
        + String.join(",", ImageSourceOptions.DEFAULT_EXTENSIONS)
        + "); "
        + ImageSourceOptions.LABELS
        + "=true|false (label each image by its first-level subfolder, default false); "
        + ImageSourceOptions.SKIP_INVALID
        + "=true|false (skip and list unreadable files instead of failing; decodes every image"
        + " once more up front; default false, also set by --skip-invalid); "
        + ImageSourceOptions.CONTENT_HASH
        + "=true|false (key the feature cache by file contents instead of path, size and"
        + " modification time, default false); "
        + ImageSourceOptions.PIXEL_LIMIT
        + "=N (largest number of pixels per image, default "
        + ImageDecoder.DEFAULT_PIXEL_LIMIT
        + ")";
  }

  @Override
  public Class<?> sampleType() {
    return RgbImage.class;
  }

  @Override
  public boolean accepts(Path path) {
    return Files.isDirectory(path) || isZip(path);
  }

  @Override
  public SampleSource<?> open(Path path, Map<String, String> options) throws IOException {
    ImageSourceOptions parsed = ImageSourceOptions.parse(options);
    if (isZip(path)) {
      return ZipImageSource.open(path, parsed);
    }
    if (!Files.exists(path)) {
      throw new InvalidInputException(path + ": no such folder; check the path");
    }
    return ImageFolderSource.open(path, parsed);
  }

  private static boolean isZip(Path path) {
    return Files.isRegularFile(path)
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ZIP_EXTENSION);
  }
}
