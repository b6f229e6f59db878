package dev.froster.engine.froster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.froster.engine.clip.ClipModel;

/**
 * FROSTER's objective, written out (froster-method.md, "Residual feature distillation"): {@code
 * total = CE + beta · [(1 - mean cos)_visual + (1 - mean cos)_text]}.
 *
 * <p>Every constant is an array of the activations' manager, never a Java number (djl-notes.md,
 * pitfall 1), and every result belongs to the step's manager.
 */
public final class FrosterLoss {

  /**
   * The parts of one step's loss, each a scalar array.
   *
   * @param total what is minimised
   * @param crossEntropy classification loss on the unprojected student
   * @param distillation visual + text cosine distances (before beta); zero without a teacher
   */
  public record Parts(NDArray total, NDArray crossEntropy, NDArray distillation) {}

  private FrosterLoss() {}

  /**
   * Mean cross-entropy with one-hot targets: {@code -mean_b log softmax(logits_b)[label_b]}.
   *
   * @param logits (B, C)
   * @param labels (B) class indices, int
   */
  public static NDArray crossEntropy(NDArray logits, int[] labels) {
    Shape shape = logits.getShape();
    if (shape.dimension() != 2 || shape.get(0) != labels.length) {
      throw new IllegalArgumentException(
          "logits " + shape + " do not match " + labels.length + " labels");
    }
    int classes = (int) shape.get(1);
    float[] oneHot = new float[labels.length * classes];
    for (int b = 0; b < labels.length; b++) {
      if (labels[b] < 0 || labels[b] >= classes) {
        throw new IllegalArgumentException("label " + labels[b] + " outside [0, " + classes + ")");
      }
      oneHot[b * classes + labels[b]] = 1;
    }
    NDManager manager = logits.getManager();
    NDArray targets = manager.create(oneHot, shape);
    // (B, C) log-probabilities -> (B) picked -> scalar
    NDArray logProbabilities = logits.logSoftmax(1);
    return logProbabilities.mul(targets).sum(new int[] {1}).mean().neg();
  }

  /**
   * {@code 1 - mean_n cos(student_n, teacher_n)} over rows of (N, D); the teacher carries no
   * gradient.
   */
  public static NDArray cosineDistance(NDArray student, NDArray teacher) {
    if (!student.getShape().equals(teacher.getShape())) {
      throw new IllegalArgumentException(
          "student " + student.getShape() + " and teacher " + teacher.getShape() + " differ");
    }
    // (N, D) unit rows -> (N) cosines -> scalar
    NDArray cosines =
        ClipModel.normalise(student).mul(ClipModel.normalise(teacher)).sum(new int[] {1});
    return student.getManager().create(1f).sub(cosines.mean());
  }

  /** {@code crossEntropy + beta · (visual + text)}. */
  public static Parts total(NDArray crossEntropy, NDArray visual, NDArray text, float beta) {
    NDArray distillation = visual.add(text);
    NDArray weight = crossEntropy.getManager().create(beta);
    return new Parts(crossEntropy.add(distillation.mul(weight)), crossEntropy, distillation);
  }

  /** A loss without distillation (the fine-tuning baselines). */
  public static Parts crossEntropyOnly(NDArray crossEntropy) {
    return new Parts(crossEntropy, crossEntropy, crossEntropy.getManager().create(0f));
  }
}
