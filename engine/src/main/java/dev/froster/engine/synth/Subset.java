package dev.froster.engine.synth;

import java.util.Locale;

/** Whether a video is for training (shots are drawn from these) or for testing. */
public enum Subset {
  TRAIN,
  TEST;

  /** The word in {@code videos.tsv}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Subset parse(String word) {
    for (Subset subset : values()) {
      if (subset.word().equals(word)) {
        return subset;
      }
    }
    throw new IllegalArgumentException("subset must be 'train' or 'test', got '" + word + "'");
  }
}
