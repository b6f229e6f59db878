package dev.froster.interfaces.batch;

import java.util.Arrays;
import java.util.List;

/** Parses the text values of job parameters and batch properties, naming the one that is wrong. */
final class JobParameters {

  private JobParameters() {}

  static long positiveLong(String name, String value) {
    if (value == null || !value.trim().matches("[1-9][0-9]{0,18}")) {
      throw new IllegalArgumentException(
          "job parameter " + name + " must be a positive number, was " + value);
    }
    return Long.parseLong(value.trim());
  }

  static int positiveInt(String name, String value) {
    long parsed = positiveLong(name, value);
    if (parsed > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("job parameter " + name + " is too large: " + value);
    }
    return (int) parsed;
  }

  static int nonNegativeInt(String name, String value) {
    return "0".equals(value == null ? null : value.trim()) ? 0 : positiveInt(name, value);
  }

  /** A comma-separated list of asset ids; empty (the whole catalogue) when blank. */
  static List<Long> ids(String name, String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(id -> positiveLong(name, id)).toList();
  }
}
