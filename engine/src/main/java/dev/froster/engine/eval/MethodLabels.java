package dev.froster.engine.eval;

import dev.froster.engine.froster.Method;
import java.util.Arrays;
import java.util.Locale;

/**
 * The short names methods have on the command line and in reports: frozen, finetune, temporal,
 * froster (the keys of the benchmark's JSON line).
 */
public final class MethodLabels {

  private MethodLabels() {}

  /** The label of {@code method}. */
  public static String label(Method method) {
    return switch (method) {
      case FROZEN_CLIP -> "frozen";
      case VIFI_CLIP -> "finetune";
      case TEMPORAL_FINETUNE -> "temporal";
      case FROSTER -> "froster";
    };
  }

  /**
   * The method labelled {@code label}.
   *
   * @throws IllegalArgumentException listing the labels when none matches
   */
  public static Method parse(String label) {
    String wanted = label.strip().toLowerCase(Locale.ROOT);
    for (Method method : Method.values()) {
      if (label(method).equals(wanted)) {
        return method;
      }
    }
    throw new IllegalArgumentException(
        "unknown method '"
            + label
            + "'; expected one of "
            + Arrays.stream(Method.values()).map(MethodLabels::label).toList());
  }
}
