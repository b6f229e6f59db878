package dev.froster.engine.clip.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContrastiveLossTest {

  @Test
  void distinctCaptionsGiveClipsSymmetricCrossEntropy() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // logits per image [[2, 0], [1, 3]]: image i should pick text i, text j image j
      NDArray logits = manager.create(new float[] {2, 0, 1, 3}, new Shape(2, 2));
      double image0 = Math.log(1 + Math.exp(-2)); // -log(e^2 / (e^2 + e^0))
      double image1 = Math.log(1 + Math.exp(-2)); // -log(e^3 / (e^1 + e^3))
      double text0 = Math.log(1 + Math.exp(-1)); // column [2, 1]
      double text1 = Math.log(1 + Math.exp(-3)); // column [0, 3]
      double expected = ((image0 + image1) / 2 + (text0 + text1) / 2) / 2;
      assertEquals(0.153926, expected, 1e-6);
      float loss = ContrastiveLoss.of(logits, List.of("a", "b"), manager).getFloat();
      assertEquals(expected, loss, 1e-6);
    }
  }

  @Test
  void repeatedCaptionsShareTheTarget() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // images 0 and 2 share a caption: each spreads its target over texts 0 and 2
      NDArray targets = ContrastiveLoss.targets(List.of("x", "y", "x"), manager);
      assertArrayEquals(
          new float[] {0.5f, 0, 0.5f, 0, 1, 0, 0.5f, 0, 0.5f}, targets.toFloatArray(), 0);
      NDArray logits = manager.create(new float[] {1, 0, 1, 0, 1, 0, 1, 0, 1}, new Shape(3, 3));
      // rows 0 and 2: -(0.5 log(e/(2e+1)) * 2) = log(2e+1) - 1; row 1: log(2+e) - 1; columns alike
      double pair = Math.log(2 * Math.E + 1) - 1;
      double single = Math.log(2 + Math.E) - 1;
      double expected = (2 * pair + single) / 3;
      float loss = ContrastiveLoss.of(logits, List.of("x", "y", "x"), manager).getFloat();
      assertEquals(expected, loss, 1e-6);
    }
  }
}
