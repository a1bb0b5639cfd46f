package io.fld.cli;

import io.fld.api.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses repeatable {@code NAME=VALUE} arguments. Parsing them here, not as a picocli map, lets a
 * name given twice with different values be rejected instead of the last one silently winning.
 */
final class KeyValueOptions {
  private KeyValueOptions() {}

  /**
   * Returns the values by name, in the order given.
   *
   * @param flag the option the arguments came with, for messages
   * @throws InvalidInputException if an argument has no {@code =} or no name, or a name is given
   *     twice with different values
   */
  static Map<String, String> parse(String flag, List<String> arguments) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      if (equals <= 0) {
        throw new InvalidInputException(flag + " " + argument + " needs the form NAME=VALUE");
      }
      String name = argument.substring(0, equals).trim();
      String value = argument.substring(equals + 1);
      String previous = values.putIfAbsent(name, value);
      if (previous != null && !previous.equals(value)) {
        throw new InvalidInputException(
            flag
                + " "
                + name
                + " is given twice, as "
                + previous
                + " and as "
                + value
                + "; give it once");
      }
    }
    return values;
  }
}
