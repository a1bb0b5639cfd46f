package io.fld.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** Helpers for writing self-contained HTML: escaping and inline images. */
final class Html {
  private static final Map<String, String> IMAGE_TYPES =
      Map.of(
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "gif", "image/gif",
          "bmp", "image/bmp",
          "webp", "image/webp");

  private Html() {}

  /**
   * Returns {@code text} with the characters that HTML text and attribute values reserve escaped.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * Returns an {@code img} element that embeds {@code file} as a base64 data URI, so the page needs
   * no other file.
   */
  static String image(Path file, String alt) throws IOException {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    String type = IMAGE_TYPES.getOrDefault(extension, "application/octet-stream");
    String data = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    return "<img src=\"data:" + type + ";base64," + data + "\" alt=\"" + escape(alt) + "\">";
  }
}
