package dev.froster.engine.clip.checkpoint;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.froster.engine.clip.ClipConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture of a checkpoint, read off its tensor shapes as OpenAI's {@code build_model} does
 * (widths, patch, grid, layers, context, vocabulary); heads are width / 64 unless a Hugging Face
 * config.json says otherwise.
 */
public final class ConfigInference {

  private static final Pattern OPENAI_VISION_LAYER =
      Pattern.compile("^visual\\.transformer\\.resblocks\\.(\\d+)\\.");
  private static final Pattern OPENAI_TEXT_LAYER =
      Pattern.compile("^transformer\\.resblocks\\.(\\d+)\\.");
  private static final Pattern HF_VISION_LAYER =
      Pattern.compile("^vision_model\\.encoder\\.layers\\.(\\d+)\\.");
  private static final Pattern HF_TEXT_LAYER =
      Pattern.compile("^text_model\\.encoder\\.layers\\.(\\d+)\\.");

  private ConfigInference() {}

  /** The architecture of a state dict with OpenAI's names. */
  public static ClipConfig fromOpenAiShapes(Path file, Map<String, Shape> shapes)
      throws CheckpointException {
    Shape conv = required(file, shapes, "visual.conv1.weight", 4);
    Shape visualPositions = required(file, shapes, "visual.positional_embedding", 2);
    Shape textProjection = required(file, shapes, "text_projection", 2);
    Shape textPositions = required(file, shapes, "positional_embedding", 2);
    Shape tokens = required(file, shapes, "token_embedding.weight", 2);
    Shape finalNorm = required(file, shapes, "ln_final.weight", 1);
    int visionWidth = (int) conv.get(0);
    int textWidth = (int) finalNorm.get(0);
    return build(
        file,
        (int) conv.get(3),
        visionWidth,
        visualPositions,
        layers(shapes, OPENAI_VISION_LAYER),
        ClipConfig.headsForWidth(visionWidth),
        (int) textProjection.get(1),
        textWidth,
        layers(shapes, OPENAI_TEXT_LAYER),
        ClipConfig.headsForWidth(textWidth),
        (int) textPositions.get(0),
        (int) tokens.get(0));
  }

  /**
   * The architecture of a state dict with Hugging Face's names; {@code configJson}, when present,
   * gives the head counts (the only thing shapes cannot tell).
   */
  public static ClipConfig fromHuggingFaceShapes(
      Path file, Map<String, Shape> shapes, Path configJson) throws CheckpointException {
    Shape conv = required(file, shapes, "vision_model.embeddings.patch_embedding.weight", 4);
    Shape visualPositions =
        required(file, shapes, "vision_model.embeddings.position_embedding.weight", 2);
    Shape textProjection = required(file, shapes, HuggingFaceNames.TEXT_PROJECTION, 2);
    Shape textPositions =
        required(file, shapes, "text_model.embeddings.position_embedding.weight", 2);
    Shape tokens = required(file, shapes, "text_model.embeddings.token_embedding.weight", 2);
    Shape finalNorm = required(file, shapes, "text_model.final_layer_norm.weight", 1);
    int visionWidth = (int) conv.get(0);
    int textWidth = (int) finalNorm.get(0);
    int visionHeads = ClipConfig.headsForWidth(visionWidth);
    int textHeads = ClipConfig.headsForWidth(textWidth);
    if (configJson != null && Files.isRegularFile(configJson)) {
      JsonObject config = readJson(configJson);
      visionHeads = heads(configJson, config, "vision_config").orElse(visionHeads);
      textHeads = heads(configJson, config, "text_config").orElse(textHeads);
    }
    return build(
        file,
        (int) conv.get(3),
        visionWidth,
        visualPositions,
        layers(shapes, HF_VISION_LAYER),
        visionHeads,
        (int) textProjection.get(0),
        textWidth,
        layers(shapes, HF_TEXT_LAYER),
        textHeads,
        (int) textPositions.get(0),
        (int) tokens.get(0));
  }

  private static ClipConfig build(
      Path file,
      int patch,
      int visionWidth,
      Shape visualPositions,
      int visionLayers,
      int visionHeads,
      int embedDim,
      int textWidth,
      int textLayers,
      int textHeads,
      int context,
      int vocab)
      throws CheckpointException {
    int grid = (int) Math.round(Math.sqrt(visualPositions.get(0) - 1));
    try {
      return new ClipConfig(
          patch * grid,
          patch,
          visionWidth,
          visionLayers,
          visionHeads,
          embedDim,
          textWidth,
          textLayers,
          textHeads,
          context,
          vocab);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(file, "not a usable CLIP architecture: " + e.getMessage(), e);
    }
  }

  private static Shape required(Path file, Map<String, Shape> shapes, String name, int dimensions)
      throws CheckpointException {
    Shape shape = shapes.get(name);
    if (shape == null) {
      throw new CheckpointException(file, name, "missing: not a CLIP checkpoint", null);
    }
    if (shape.dimension() != dimensions) {
      throw new CheckpointException(
          file, name, "has shape " + shape + ", expected " + dimensions + " dimensions", null);
    }
    return shape;
  }

  private static int layers(Map<String, Shape> shapes, Pattern layerPattern) {
    int layers = 0;
    for (String name : shapes.keySet()) {
      Matcher matcher = layerPattern.matcher(name);
      if (matcher.find()) {
        layers = Math.max(layers, Integer.parseInt(matcher.group(1)) + 1);
      }
    }
    return layers;
  }

  private static JsonObject readJson(Path configJson) throws CheckpointException {
    try {
      return JsonParser.parseString(Files.readString(configJson, StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw new CheckpointException(configJson, "not a readable JSON object: " + e.getMessage(), e);
    }
  }

  private static OptionalInt heads(Path configJson, JsonObject config, String section)
      throws CheckpointException {
    JsonElement sub = config.get(section);
    if (sub == null || !sub.isJsonObject()) {
      return OptionalInt.empty();
    }
    JsonElement heads = sub.getAsJsonObject().get("num_attention_heads");
    if (heads == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(heads.getAsInt());
    } catch (RuntimeException e) {
      throw new CheckpointException(
          configJson, section + ".num_attention_heads is not an integer: " + heads, e);
    }
  }
}
