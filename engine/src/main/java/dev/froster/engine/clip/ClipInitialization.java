package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * CLIP's random initialisation, as OpenAI's {@code model.py} leaves a fresh model: its {@code
 * initialize_parameters} for the text transformer (normal, with the widths and depth in the
 * standard deviations) and PyTorch's layer defaults everywhere it does not reach: the patch
 * convolution and the vision transformer's linear layers uniform in ±1/√fan_in (Kaiming uniform
 * with a = √5), attention input projections Xavier uniform, attention biases zero.
 *
 * <p>Scales matter for learning from scratch: with every weight at normal(0.02) the tiny teacher's
 * patch convolution starts at half its CLIP scale and its linear layers far from theirs.
 */
final class ClipInitialization {
  private ClipInitialization() {}

  /** Overwrites the weights and biases of {@code model}'s blocks in place. */
  static void apply(ClipModel model, NDManager manager) {
    ClipConfig config = model.config();
    int textWidth = config.textWidth();
    // model.py: proj_std, attn_std and fc_std of the text transformer
    double projStd = Math.pow(textWidth, -0.5) * Math.pow(2.0 * config.textLayers(), -0.5);
    double attnStd = Math.pow(textWidth, -0.5);
    double fcStd = Math.pow(2.0 * textWidth, -0.5);
    int patchFanIn = 3 * config.patchSize() * config.patchSize();
    try (NDManager scratch = manager.newSubManager()) {
      for (Map.Entry<String, Parameter> entry : ClipParameters.byName(model).entrySet()) {
        String name = entry.getKey();
        NDArray array = entry.getValue().getArray();
        Shape shape = array.getShape();
        boolean text = name.startsWith("transformer.");
        NDArray initial;
        if (name.equals("visual.conv1.weight")) {
          initial = uniform(scratch, shape, 1 / Math.sqrt(patchFanIn));
        } else if (name.endsWith(".attn.in_proj_weight")) {
          // (3·W, W): Xavier uniform over fan_in W and fan_out 3·W
          initial =
              text
                  ? normal(scratch, shape, attnStd)
                  : uniform(scratch, shape, Math.sqrt(6.0 / (shape.get(0) + shape.get(1))));
        } else if (name.endsWith(".attn.in_proj_bias") || name.endsWith(".attn.out_proj.bias")) {
          initial = scratch.zeros(shape);
        } else if (name.endsWith(".attn.out_proj.weight") || name.endsWith(".mlp.c_proj.weight")) {
          initial = text ? normal(scratch, shape, projStd) : fanInUniform(scratch, shape);
        } else if (name.endsWith(".mlp.c_fc.weight")) {
          initial = text ? normal(scratch, shape, fcStd) : fanInUniform(scratch, shape);
        } else if (name.endsWith(".mlp.c_fc.bias") || name.endsWith(".mlp.c_proj.bias")) {
          // PyTorch's Linear bias: uniform in ±1/√fan_in of its layer
          long fanIn = name.endsWith("c_fc.bias") ? shape.get(0) / 4 : shape.get(0) * 4;
          initial = uniform(scratch, shape, 1 / Math.sqrt(fanIn));
        } else {
          continue; // embeddings, projections, layer norms, logit scale: set by their blocks
        }
        array.subi(array).addi(initial);
      }
    }
  }

  /** PyTorch's Linear/Conv default for a weight (out, in): uniform in ±1/√in. */
  private static NDArray fanInUniform(NDManager manager, Shape shape) {
    return uniform(manager, shape, 1 / Math.sqrt(shape.get(1)));
  }

  private static NDArray uniform(NDManager manager, Shape shape, double bound) {
    return manager.randomUniform((float) -bound, (float) bound, shape);
  }

  private static NDArray normal(NDManager manager, Shape shape, double std) {
    return manager.randomNormal(0, (float) std, shape, DataType.FLOAT32);
  }
}
