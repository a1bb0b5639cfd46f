package io.fld.core.plugin;

/**
 * Signals a plugin that cannot be used: a jar that fails to load, a provider with an invalid name,
 * or two providers of the same kind with the same name. The message names the plugins and jars
 * involved.
 */
public class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
