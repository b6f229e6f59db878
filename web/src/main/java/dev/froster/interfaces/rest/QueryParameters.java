package dev.froster.interfaces.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Query parameters read by hand, so that an unknown filter, a repeated one or a number that is not
 * one is a 400 naming the parameter (JAX-RS would answer 404 for a number it cannot convert and
 * silently ignore a misspelt filter).
 */
final class QueryParameters {

  private final MultivaluedMap<String, String> given;

  private QueryParameters(MultivaluedMap<String, String> given) {
    this.given = given;
  }

  /**
   * @throws InvalidParameterException when a parameter not in {@code known} is given
   */
  static QueryParameters of(UriInfo uri, Set<String> known) {
    MultivaluedMap<String, String> given = uri.getQueryParameters();
    Set<String> unknown = new TreeSet<>(given.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new InvalidParameterException(
          "unknown parameter " + String.join(", ", unknown) + "; known: " + new TreeSet<>(known));
    }
    return new QueryParameters(given);
  }

  /** The parameter's value, or null when absent. */
  String text(String name) {
    List<String> values = given.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new InvalidParameterException(name + " is given " + values.size() + " times");
    }
    return values.get(0);
  }

  Long positiveLong(String name) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new InvalidParameterException(name + " must be a positive id, was '" + text + "'");
  }

  /** A number between 0 and 1, or null when absent. */
  Float unitInterval(String name) {
    String text = text(name);
    if (text == null) {
      return null;
    }
    try {
      float value = Float.parseFloat(text.trim());
      if (value >= 0f && value <= 1f) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new InvalidParameterException(
        name + " must be a number between 0 and 1, was '" + text + "'");
  }

  int count(String name, int fallback, int max) {
    String text = text(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new InvalidParameterException(
        name + " must be a whole number between 1 and " + max + ", was '" + text + "'");
  }
}
