package io.fld.core.plugin;

import io.fld.api.InvalidInputException;
import io.fld.api.plugin.FldPlugin;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds {@link FldPlugin} implementations.
 *
 * <p>Application plugins come from {@link ServiceLoader} in the module layer of the API and on the
 * class path; a provider class seen by both is kept once. Each plugin folder is loaded apart from
 * the application: when the API runs as a named module, the folder's modular jars are resolved
 * together into one child {@link ModuleLayer} (their {@code provides} clauses count), and every
 * other jar gets its own {@link URLClassLoader} (its {@code META-INF/services} entries count). On
 * the class path a modular jar is loaded like a plain one, because its {@code requires io.fld.api}
 * could not be resolved against an unnamed module.
 */
public final class PluginDiscovery {
  private static final System.Logger LOG = System.getLogger(PluginDiscovery.class.getName());
  private static final String JAR_SUFFIX = ".jar";

  private PluginDiscovery() {}

  /**
   * Returns the application plugins followed by those of each folder, in order.
   *
   * @throws InvalidInputException if a folder does not exist
   * @throws PluginException if a jar cannot be loaded
   */
  public static List<LoadedPlugin> discover(List<Path> pluginDirectories) {
    List<LoadedPlugin> plugins = new ArrayList<>(application());
    for (Path directory : pluginDirectories) {
      plugins.addAll(fromFolder(directory));
    }
    return plugins;
  }

  /** Returns the plugins of the API's module layer and of the class path, each class once. */
  public static List<LoadedPlugin> application() {
    Map<Class<?>, LoadedPlugin> byClass = new LinkedHashMap<>();
    ModuleLayer layer = FldPlugin.class.getModule().getLayer();
    if (layer != null) {
      collect(ServiceLoader.load(layer, FldPlugin.class), type -> true, byClass, "module path");
    }
    ClassLoader loader = PluginDiscovery.class.getClassLoader();
    collect(ServiceLoader.load(FldPlugin.class, loader), type -> true, byClass, "class path");
    return new ArrayList<>(byClass.values());
  }

  /**
   * Loads the plugins of the jars in {@code directory}, in sorted file-name order.
   *
   * @throws InvalidInputException if {@code directory} is not a folder
   * @throws PluginException if a jar cannot be read or its modules cannot be resolved
   */
  public static List<LoadedPlugin> fromFolder(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new InvalidInputException(
          "plugin folder "
              + directory
              + " does not exist or is not a folder; create it or fix the"
              + " --plugins path");
    }
    List<Path> jars = listJars(directory);
    List<Path> modular = FldPlugin.class.getModule().isNamed() ? modularJars(jars) : List.of();
    List<LoadedPlugin> plugins = new ArrayList<>();
    if (!modular.isEmpty()) {
      plugins.addAll(loadLayer(directory, modular));
    }
    for (Path jar : jars) {
      if (!modular.contains(jar)) {
        requireReadableJar(jar);
        List<LoadedPlugin> loaded = loadPlainJar(jar);
        if (loaded.isEmpty()) {
          LOG.log(
              System.Logger.Level.WARNING,
              "plugin jar {0} declares no {1} provider in META-INF/services, so it adds"
                  + " nothing; remove it from the plugin folder or add the declaration",
              jar,
              FldPlugin.class.getName());
        }
        plugins.addAll(loaded);
      }
    }
    LOG.log(
        System.Logger.Level.DEBUG,
        "loaded {0} plugins from {1} jars in {2}",
        String.valueOf(plugins.size()),
        String.valueOf(jars.size()),
        directory);
    return plugins;
  }

  private static List<Path> listJars(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(path -> path.getFileName().toString().endsWith(JAR_SUFFIX))
          .filter(Files::isRegularFile)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new PluginException("cannot list plugin folder " + directory + ": " + e, e);
    }
  }

  private static List<Path> modularJars(List<Path> jars) {
    List<Path> modular = new ArrayList<>();
    for (Path jar : jars) {
      if (isModular(jar)) {
        modular.add(jar);
      }
    }
    return modular;
  }

  private static boolean isModular(Path jar) {
    try {
      Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
      return found.size() == 1 && !found.iterator().next().descriptor().isAutomatic();
    } catch (FindException e) {
      throw new PluginException("plugin jar " + jar + " is not a valid jar or module: " + e, e);
    }
  }

  private static List<LoadedPlugin> loadLayer(Path directory, List<Path> jars) {
    ModuleLayer parent = FldPlugin.class.getModule().getLayer();
    ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
    Set<String> roots =
        finder.findAll().stream()
            .map(reference -> reference.descriptor().name())
            .collect(Collectors.toSet());
    ModuleLayer layer;
    try {
      Configuration configuration =
          parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
      layer =
          parent.defineModulesWithOneLoader(configuration, PluginDiscovery.class.getClassLoader());
    } catch (FindException | ResolutionException | LayerInstantiationException e) {
      throw new PluginException(
          "cannot resolve the modular plugin jars "
              + jars
              + " in "
              + directory
              + ": "
              + e.getMessage()
              + "; add the modules they require to the folder or remove the jar",
          e);
    }
    Map<Class<?>, LoadedPlugin> byClass = new LinkedHashMap<>();
    Predicate<Class<?>> inLayer = type -> type.getModule().getLayer() == layer;
    collect(
        ServiceLoader.load(layer, FldPlugin.class),
        inLayer,
        byClass,
        "module layer of " + directory);
    return new ArrayList<>(byClass.values());
  }

  /**
   * Opens {@code jar} once, because a class loader skips a damaged jar without a word.
   *
   * @throws PluginException naming the jar if it is not a readable zip archive
   */
  private static void requireReadableJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      file.getManifest();
    } catch (IOException e) {
      throw new PluginException(
          "plugin jar "
              + jar
              + " cannot be read as a jar ("
              + e.getMessage()
              + "); rebuild it or remove it from the plugin folder",
          e);
    }
  }

  private static List<LoadedPlugin> loadPlainJar(Path jar) {
    // The loader stays open: its plugin's classes are used until the process ends.
    URLClassLoader loader;
    try {
      URL[] urls = {jar.toUri().toURL()};
      String name = "fld-plugin:" + jar.getFileName();
      loader = new URLClassLoader(name, urls, PluginDiscovery.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new PluginException("cannot turn plugin jar path " + jar + " into a URL", e);
    }
    Map<Class<?>, LoadedPlugin> byClass = new LinkedHashMap<>();
    Predicate<Class<?>> ownClass = type -> type.getClassLoader() == loader;
    collect(
        ServiceLoader.load(FldPlugin.class, loader),
        ownClass,
        byClass,
        "class loader of " + jar.getParent());
    return new ArrayList<>(byClass.values());
  }

  private static void collect(
      ServiceLoader<FldPlugin> loader,
      Predicate<Class<?>> accept,
      Map<Class<?>, LoadedPlugin> byClass,
      String loading) {
    try {
      loader.stream()
          .filter(provider -> accept.test(provider.type()))
          .filter(provider -> !byClass.containsKey(provider.type()))
          .forEach(provider -> byClass.put(provider.type(), instantiate(provider, loading)));
    } catch (ServiceConfigurationError e) {
      throw new PluginException("cannot load a plugin from the " + loading + ": " + e, e);
    }
  }

  private static LoadedPlugin instantiate(
      ServiceLoader.Provider<FldPlugin> provider, String loading) {
    Class<?> type = provider.type();
    String location = location(type);
    FldPlugin plugin;
    try {
      plugin = provider.get();
    } catch (ServiceConfigurationError e) {
      throw new PluginException(
          "cannot create plugin " + type.getName() + " from " + location + ": " + e.getMessage(),
          e);
    }
    String how =
        type.getModule().isNamed() ? loading + ", module " + type.getModule().getName() : loading;
    PluginOrigin origin = new PluginOrigin(plugin.name(), type.getName(), location, how);
    return new LoadedPlugin(plugin, origin);
  }

  private static String location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown";
    }
    try {
      return Path.of(source.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }
}
