package dev.froster.engine.eval;

import java.util.List;

/**
 * Top-1 accuracy of a model on one set of test videos against one class vocabulary.
 *
 * @param correct videos whose highest-probability class is their own
 * @param total videos evaluated
 * @param perClass the same per class, in vocabulary order
 */
public record SplitAccuracy(int correct, int total, List<ClassAccuracy> perClass) {

  /**
   * One class's share of the videos.
   *
   * @param name the class name
   * @param correct its videos classified correctly
   * @param total its videos
   */
  public record ClassAccuracy(String name, int correct, int total) {
    /** Accuracy in %, 0 for a class without test videos. */
    public double percent() {
      return total == 0 ? 0 : 100.0 * correct / total;
    }
  }

  public SplitAccuracy {
    perClass = List.copyOf(perClass);
    if (correct < 0 || correct > total) {
      throw new IllegalArgumentException("correct must lie in [0, total]: " + correct);
    }
  }

  /** Accuracy in %. */
  public double percent() {
    return total == 0 ? 0 : 100.0 * correct / total;
  }
}
