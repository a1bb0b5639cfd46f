package io.fld.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * The tool's home folder, resolved the same way by every part that stores files there.
 *
 * <p>{@code $FLD_HOME} names the home; without it the home is {@code $XDG_CACHE_HOME/fld}, or
 * {@code ~/.cache/fld} without that. Model files live in {@code models/} below the home.
 */
public final class FldHome {

  /** The environment variable that names the home folder. */
  public static final String HOME_VARIABLE = "FLD_HOME";

  /** The environment variable of the user's cache folder, used when {@code FLD_HOME} is unset. */
  public static final String XDG_CACHE_VARIABLE = "XDG_CACHE_HOME";

  /** The home's subfolder that contains model files. */
  public static final String MODELS_FOLDER = "models";

  private static final String HOME_NAME = "fld";

  private FldHome() {}

  /** Returns the home folder for the process environment. */
  public static Path fromEnvironment() {
    return resolve(System.getenv(), System.getProperty("user.home"));
  }

  /** Returns the home folder for the environment variables {@code environment}. */
  public static Path resolve(Map<String, String> environment, String userHome) {
    String explicit = environment.get(HOME_VARIABLE);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdgCache = environment.get(XDG_CACHE_VARIABLE);
    if (xdgCache != null && !xdgCache.isBlank()) {
      return Path.of(xdgCache, HOME_NAME);
    }
    return Path.of(userHome, ".cache", HOME_NAME);
  }

  /** Returns the model folder below {@code home}. */
  public static Path modelDirectory(Path home) {
    return home.resolve(MODELS_FOLDER);
  }
}
