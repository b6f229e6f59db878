package dev.froster.engine.clip.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name map between Hugging Face's {@code CLIPModel} and OpenAI's state dict.
 *
 * <p>Most tensors only change name. Three things change form: HF keeps query, key and value
 * projections apart where OpenAI packs them (in_proj = [q; k; v] along the output axis), and HF's
 * projections are {@code Linear} weights (out, in) where OpenAI keeps matrices (in, out) that
 * multiply from the right.
 */
public final class HuggingFaceNames {

  /** HF names of tensors that are buffers, not weights: ignored on import. */
  static final Pattern IGNORED = Pattern.compile(".*position_ids$");

  private static final Pattern LAYER =
      Pattern.compile("^(vision|text)_model\\.encoder\\.layers\\.(\\d+)\\.(.+)$");
  private static final Pattern OPENAI_BLOCK =
      Pattern.compile("^(visual\\.)?transformer\\.resblocks\\.(\\d+)\\.(.+)$");

  private static final Map<String, String> TOP_LEVEL = new LinkedHashMap<>();
  private static final Map<String, String> IN_BLOCK = new LinkedHashMap<>();

  static {
    TOP_LEVEL.put("logit_scale", "logit_scale");
    TOP_LEVEL.put("vision_model.embeddings.class_embedding", "visual.class_embedding");
    TOP_LEVEL.put("vision_model.embeddings.patch_embedding.weight", "visual.conv1.weight");
    TOP_LEVEL.put(
        "vision_model.embeddings.position_embedding.weight", "visual.positional_embedding");
    // sic: "pre_layrnorm" is how Hugging Face spells it
    TOP_LEVEL.put("vision_model.pre_layrnorm.weight", "visual.ln_pre.weight");
    TOP_LEVEL.put("vision_model.pre_layrnorm.bias", "visual.ln_pre.bias");
    TOP_LEVEL.put("vision_model.post_layernorm.weight", "visual.ln_post.weight");
    TOP_LEVEL.put("vision_model.post_layernorm.bias", "visual.ln_post.bias");
    TOP_LEVEL.put("text_model.embeddings.token_embedding.weight", "token_embedding.weight");
    TOP_LEVEL.put("text_model.embeddings.position_embedding.weight", "positional_embedding");
    TOP_LEVEL.put("text_model.final_layer_norm.weight", "ln_final.weight");
    TOP_LEVEL.put("text_model.final_layer_norm.bias", "ln_final.bias");

    IN_BLOCK.put("layer_norm1.weight", "ln_1.weight");
    IN_BLOCK.put("layer_norm1.bias", "ln_1.bias");
    IN_BLOCK.put("layer_norm2.weight", "ln_2.weight");
    IN_BLOCK.put("layer_norm2.bias", "ln_2.bias");
    IN_BLOCK.put("self_attn.out_proj.weight", "attn.out_proj.weight");
    IN_BLOCK.put("self_attn.out_proj.bias", "attn.out_proj.bias");
    IN_BLOCK.put("mlp.fc1.weight", "mlp.c_fc.weight");
    IN_BLOCK.put("mlp.fc1.bias", "mlp.c_fc.bias");
    IN_BLOCK.put("mlp.fc2.weight", "mlp.c_proj.weight");
    IN_BLOCK.put("mlp.fc2.bias", "mlp.c_proj.bias");
  }

  /** HF name of OpenAI's visual projection (transposed). */
  static final String VISUAL_PROJECTION = "visual_projection.weight";

  /** HF name of OpenAI's text projection (transposed). */
  static final String TEXT_PROJECTION = "text_projection.weight";

  private static final Shape NAMES_ONLY = new Shape(3, 3);

  private HuggingFaceNames() {}

  /** Whether a tensor name is in Hugging Face's layout. */
  public static boolean isHuggingFaceName(String name) {
    return name.startsWith("vision_model.")
        || name.startsWith("text_model.")
        || name.equals(VISUAL_PROJECTION)
        || name.equals(TEXT_PROJECTION);
  }

  /**
   * The HF tensors that hold OpenAI's tensor {@code openAiName} with their shapes, given its OpenAI
   * shape: one tensor for a rename or a transpose, three for a packed in_proj.
   */
  public static Map<String, Shape> toHuggingFace(String openAiName, Shape openAiShape) {
    Map<String, Shape> hf = new LinkedHashMap<>();
    switch (openAiName) {
      case "visual.proj" -> hf.put(VISUAL_PROJECTION, transposed(openAiShape));
      case "text_projection" -> hf.put(TEXT_PROJECTION, transposed(openAiShape));
      default -> {
        for (Map.Entry<String, String> rename : TOP_LEVEL.entrySet()) {
          if (rename.getValue().equals(openAiName)) {
            hf.put(rename.getKey(), openAiShape);
            return hf;
          }
        }
        Matcher block = OPENAI_BLOCK.matcher(openAiName);
        if (!block.matches()) {
          throw new IllegalArgumentException("not a CLIP parameter: " + openAiName);
        }
        String prefix =
            (block.group(1) == null ? "text_model" : "vision_model")
                + ".encoder.layers."
                + block.group(2)
                + ".";
        String inBlock = block.group(3);
        if (inBlock.equals("attn.in_proj_weight") || inBlock.equals("attn.in_proj_bias")) {
          String suffix = inBlock.endsWith("weight") ? "weight" : "bias";
          Shape third = thirdAlongFirstAxis(openAiShape);
          for (String part : List.of("q", "k", "v")) {
            hf.put(prefix + "self_attn." + part + "_proj." + suffix, third);
          }
          return hf;
        }
        for (Map.Entry<String, String> rename : IN_BLOCK.entrySet()) {
          if (rename.getValue().equals(inBlock)) {
            hf.put(prefix + rename.getKey(), openAiShape);
            return hf;
          }
        }
        throw new IllegalArgumentException("not a CLIP parameter: " + openAiName);
      }
    }
    return hf;
  }

  /**
   * Builds OpenAI's tensor {@code openAiName} from the HF tensors {@code toHuggingFace} names
   * (present in {@code hf}).
   */
  public static NDArray fromHuggingFace(String openAiName, Map<String, NDArray> hf) {
    List<NDArray> parts = new ArrayList<>();
    // only the names are wanted here; any shape whose first axis splits in three will do
    for (String hfName : toHuggingFace(openAiName, NAMES_ONLY).keySet()) {
      parts.add(hf.get(hfName));
    }
    if (openAiName.equals("visual.proj") || openAiName.equals("text_projection")) {
      // A transpose is a view of the file's buffer, which goes when the importer closes the HF
      // tensor: the parameter needs memory of its own (it read freed memory now and then).
      try (NDArray view = parts.get(0).transpose()) {
        return view.duplicate();
      }
    }
    if (parts.size() == 3) {
      // in_proj = [q; k; v]
      return NDArrays.concat(new NDList(parts), 0);
    }
    return parts.get(0);
  }

  /** The HF layer index and in-layer name of a HF encoder tensor, if it is one. */
  static Matcher layer(String hfName) {
    return LAYER.matcher(hfName);
  }

  private static Shape transposed(Shape shape) {
    return new Shape(shape.get(1), shape.get(0));
  }

  private static Shape thirdAlongFirstAxis(Shape shape) {
    long[] dims = shape.getShape().clone();
    dims[0] /= 3;
    return new Shape(dims);
  }
}
