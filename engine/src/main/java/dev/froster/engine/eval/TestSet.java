package dev.froster.engine.eval;

import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.VideoEntry;
import java.util.List;

/**
 * Test videos and the class vocabulary they are scored against.
 *
 * @param vocabulary the candidate classes (the model sees only their texts)
 * @param videos the labelled test videos, each of a class in the vocabulary
 */
public record TestSet(List<ActionClass> vocabulary, List<VideoEntry> videos) {
  public TestSet {
    vocabulary = List.copyOf(vocabulary);
    videos = List.copyOf(videos);
    if (vocabulary.isEmpty() || videos.isEmpty()) {
      throw new IllegalArgumentException(
          "a test set needs classes and videos, got "
              + vocabulary.size()
              + " classes and "
              + videos.size()
              + " videos");
    }
  }
}
