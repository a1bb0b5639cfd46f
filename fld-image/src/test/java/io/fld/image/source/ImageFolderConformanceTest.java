package io.fld.image.source;

import io.fld.api.sample.SampleSourceProvider;
import io.fld.core.conformance.SampleSourceConformanceTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

class ImageFolderConformanceTest extends SampleSourceConformanceTest {
  @Override
  protected SampleSourceProvider provider() {
    return new ImageFolderProvider();
  }

  @Override
  protected Path createInput(Path folder) throws IOException {
    Path input = Files.createDirectories(folder.resolve("images"));
    for (String name : new String[] {"c.png", "a.png", "sub/b.png"}) {
      Path file = input.resolve(name);
      Files.createDirectories(file.getParent());
      BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR);
      image.setRGB(1, 1, name.hashCode() & 0xffffff);
      ImageIO.write(image, "png", file.toFile());
    }
    return input;
  }
}
