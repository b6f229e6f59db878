package dev.froster.engine.retraining;

import java.nio.file.Path;

/**
 * A moment a person labelled: the span of a video that shows an action class.
 *
 * @param source the asset's video file
 * @param startMs start of the span
 * @param endMs end of the span (after the start)
 * @param className the class (a vocabulary term's label)
 * @param description one sentence saying what happens (the term's description)
 * @param key stable, file-name-safe identity (e.g. {@code decision-00000042}); clips of a class are
 *     split in key order
 */
public record LabelledClip(
    Path source, long startMs, long endMs, String className, String description, String key) {

  public LabelledClip {
    if (startMs < 0 || endMs <= startMs) {
      throw new IllegalArgumentException(
          key + ": span [" + startMs + ", " + endMs + "] ms is empty or negative");
    }
    if (className == null || className.isBlank()) {
      throw new IllegalArgumentException(key + ": no class name");
    }
    if (key == null || !key.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("clip key must be file-name-safe, was " + key);
    }
  }
}
