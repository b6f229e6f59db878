package dev.froster.engine.clip;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAI's state-dict names of a CLIP model and their shapes: the one vocabulary in which
 * checkpoints, bundles and blocks meet.
 *
 * <p>Block paths give the names ("visual.transformer.resblocks.0.attn.in_proj_weight"); the text
 * tower's names have no prefix, as in OpenAI's model, and DJL's LayerNorm gamma/beta are named
 * weight/bias as in PyTorch.
 */
public final class ClipParameters {

  private ClipParameters() {}

  /** Every parameter of {@code model} by its OpenAI name, in block order. */
  public static Map<String, Parameter> byName(ClipModel model) {
    Map<String, Parameter> named = new LinkedHashMap<>();
    named.put("logit_scale", model.logitScale());
    collect(model.visual(), "visual.", named);
    collect(model.text(), "", named);
    return named;
  }

  private static void collect(Block block, String prefix, Map<String, Parameter> named) {
    for (Parameter parameter : block.getDirectParameters().values()) {
      named.put(prefix + pytorchName(parameter.getName()), parameter);
    }
    for (Pair<String, Block> child : block.getChildren()) {
      // DJL prefixes child names with their position ("01conv1"): strip it
      String childName = child.getKey().replaceFirst("^\\d+", "");
      collect(child.getValue(), prefix + childName + ".", named);
    }
  }

  private static String pytorchName(String djlName) {
    return switch (djlName) {
      case "gamma" -> "weight";
      case "beta" -> "bias";
      default -> djlName;
    };
  }

  /** Every parameter's name and shape for {@code config}, in OpenAI's state-dict order. */
  public static Map<String, Shape> shapes(ClipConfig config) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    long width = config.visionWidth();
    long embed = config.embedDim();
    shapes.put("logit_scale", new Shape());
    shapes.put("visual.class_embedding", new Shape(width));
    shapes.put("visual.positional_embedding", new Shape(config.visionTokens(), width));
    shapes.put("visual.proj", new Shape(width, embed));
    shapes.put("visual.conv1.weight", new Shape(width, 3, config.patchSize(), config.patchSize()));
    addNorm(shapes, "visual.ln_pre", width);
    addBlocks(shapes, "visual.transformer", width, config.visionLayers());
    addNorm(shapes, "visual.ln_post", width);
    long textWidth = config.textWidth();
    shapes.put("positional_embedding", new Shape(config.contextLength(), textWidth));
    shapes.put("text_projection", new Shape(textWidth, embed));
    shapes.put("token_embedding.weight", new Shape(config.vocabSize(), textWidth));
    addBlocks(shapes, "transformer", textWidth, config.textLayers());
    addNorm(shapes, "ln_final", textWidth);
    return shapes;
  }

  /** Number of scalars in all parameters of {@code config}. */
  public static long count(ClipConfig config) {
    return shapes(config).values().stream().mapToLong(Shape::size).sum();
  }

  private static void addBlocks(Map<String, Shape> shapes, String prefix, long width, int layers) {
    for (int i = 0; i < layers; i++) {
      String block = prefix + ".resblocks." + i;
      addNorm(shapes, block + ".ln_1", width);
      shapes.put(block + ".attn.in_proj_weight", new Shape(3 * width, width));
      shapes.put(block + ".attn.in_proj_bias", new Shape(3 * width));
      shapes.put(block + ".attn.out_proj.weight", new Shape(width, width));
      shapes.put(block + ".attn.out_proj.bias", new Shape(width));
      addNorm(shapes, block + ".ln_2", width);
      shapes.put(block + ".mlp.c_fc.weight", new Shape(4 * width, width));
      shapes.put(block + ".mlp.c_fc.bias", new Shape(4 * width));
      shapes.put(block + ".mlp.c_proj.weight", new Shape(width, 4 * width));
      shapes.put(block + ".mlp.c_proj.bias", new Shape(width));
    }
  }

  private static void addNorm(Map<String, Shape> shapes, String prefix, long width) {
    shapes.put(prefix + ".weight", new Shape(width));
    shapes.put(prefix + ".bias", new Shape(width));
  }
}
