package dev.froster.engine.synth;

import java.util.Locale;

/** Whether a class is trained on (base) or only evaluated zero-shot (novel). */
public enum ClassSplit {
  BASE,
  NOVEL;

  /** The word in {@code classes.tsv}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ClassSplit parse(String word) {
    for (ClassSplit split : values()) {
      if (split.word().equals(word)) {
        return split;
      }
    }
    throw new IllegalArgumentException("split must be 'base' or 'novel', got '" + word + "'");
  }
}
