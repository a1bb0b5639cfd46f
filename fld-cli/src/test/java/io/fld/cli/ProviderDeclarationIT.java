package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.plugin.FldPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Checks that every built jar of the reactor that provides {@link FldPlugin} declares the same
 * providers in {@code module-info.class} and in {@code META-INF/services}, so that it works on the
 * module path and on the class path alike.
 */
class ProviderDeclarationIT {
  /** Folders, relative to this module, whose subfolders' {@code target/*.jar} are checked. */
  private static final List<Path> MODULE_PARENTS = List.of(Path.of(".."), Path.of("../examples"));

  private static final String SERVICES = "META-INF/services/" + FldPlugin.class.getName();
  private static final List<String> SKIPPED_SUFFIXES =
      List.of("-tests.jar", "-sources.jar", "-javadoc.jar");

  /** Jars that must be found, because this module's build depends on them. */
  private static final List<String> EXPECTED = List.of("fld-metrics-", "fld-example-plugin-");

  private static List<Path> builtJars() throws IOException {
    List<Path> jars = new ArrayList<>();
    for (Path modules : MODULE_PARENTS) {
      try (DirectoryStream<Path> folders = Files.newDirectoryStream(modules)) {
        for (Path folder : folders) {
          addJars(folder.resolve("target"), jars);
        }
      }
    }
    return jars;
  }

  private static void addJars(Path target, List<Path> jars) throws IOException {
    if (!Files.isDirectory(target)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(target, "*.jar")) {
      for (Path jar : files) {
        String name = jar.getFileName().toString();
        if (SKIPPED_SUFFIXES.stream().noneMatch(name::endsWith)) {
          jars.add(jar);
        }
      }
    }
  }

  private static Set<String> moduleProviders(JarFile jar) throws IOException {
    ZipEntry entry = jar.getEntry("module-info.class");
    if (entry == null) {
      return Set.of();
    }
    try (InputStream in = jar.getInputStream(entry)) {
      ModuleDescriptor descriptor = ModuleDescriptor.read(in);
      Set<String> providers = new TreeSet<>();
      for (ModuleDescriptor.Provides provides : descriptor.provides()) {
        if (provides.service().equals(FldPlugin.class.getName())) {
          providers.addAll(provides.providers());
        }
      }
      return providers;
    }
  }

  private static Set<String> serviceProviders(JarFile jar) throws IOException {
    ZipEntry entry = jar.getEntry(SERVICES);
    if (entry == null) {
      return Set.of();
    }
    Set<String> providers = new TreeSet<>();
    try (InputStream in = jar.getInputStream(entry)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        String provider = line.replaceAll("#.*", "").trim();
        if (!provider.isEmpty()) {
          providers.add(provider);
        }
      }
    }
    return providers;
  }

  @Test
  void mismatchDetected(@org.junit.jupiter.api.io.TempDir Path work) throws IOException {
    Path jar = work.resolve("renamed.jar");
    rewriteServices(PluginFolderIT.EXAMPLE_JAR, jar, "io.fld.example.OtherPlugin\n");

    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals(Set.of("io.fld.example.ExamplePlugin"), moduleProviders(file));
      assertEquals(Set.of("io.fld.example.OtherPlugin"), serviceProviders(file));
    }
  }

  private static void rewriteServices(Path source, Path target, String services)
      throws IOException {
    try (InputStream in = Files.newInputStream(source);
        java.util.jar.JarInputStream jarIn = new java.util.jar.JarInputStream(in);
        java.io.OutputStream out = Files.newOutputStream(target);
        java.util.jar.JarOutputStream jarOut =
            new java.util.jar.JarOutputStream(out, jarIn.getManifest())) {
      for (var entry = jarIn.getNextJarEntry(); entry != null; entry = jarIn.getNextJarEntry()) {
        jarOut.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
        if (entry.getName().equals(SERVICES)) {
          jarOut.write(services.getBytes(StandardCharsets.UTF_8));
        } else {
          jarIn.transferTo(jarOut);
        }
        jarOut.closeEntry();
      }
    }
  }

  @Test
  void declarationsAgree() throws IOException {
    List<String> checked = new ArrayList<>();
    for (Path path : builtJars()) {
      try (JarFile jar = new JarFile(path.toFile())) {
        Set<String> modular = moduleProviders(jar);
        Set<String> services = serviceProviders(jar);
        if (modular.isEmpty() && services.isEmpty()) {
          continue;
        }
        assertEquals(modular, services, path + ": module-info provides vs " + SERVICES);
        checked.add(path.getFileName().toString());
      }
    }

    for (String expected : EXPECTED) {
      assertTrue(
          checked.stream().anyMatch(name -> name.startsWith(expected)),
          "no plugin jar " + expected + "*.jar among " + checked + "; run mvn verify or package");
    }
    assertFalse(checked.isEmpty());
  }
}
