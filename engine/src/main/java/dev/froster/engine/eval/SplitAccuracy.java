package dev.froster.engine.eval;

import java.util.List;
import java.util.Map;

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
   * @param mistakenFor how many of its videos were classified as each other class (classes never
   *     predicted are left out), so that a report shows what a model confuses
   */
  public record ClassAccuracy(
      String name, int correct, int total, Map<String, Integer> mistakenFor) {
    public ClassAccuracy {
      mistakenFor = Map.copyOf(mistakenFor);
      int mistakes = mistakenFor.values().stream().mapToInt(Integer::intValue).sum();
      if (mistakes != total - correct) {
        throw new IllegalArgumentException(
            name + ": " + mistakes + " mistakes listed for " + (total - correct) + " wrong videos");
      }
    }

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
