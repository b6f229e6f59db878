package dev.froster.engine.clip.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A random model written with OpenAI's names and with Hugging Face's names (fixtures made here)
 * imports to the same model.
 */
class CheckpointLayoutTest {

  @TempDir Path dir;

  @Test
  void openAiAndHuggingFaceLayoutsImportToTheSameModel() throws IOException {
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel original = TinyModels.random(manager, config);
      Map<String, NDArray> openAi = stateDict(original);

      Path openAiFile = dir.resolve("openai.safetensors");
      SafetensorsFile.write(openAiFile, openAi, Map.of("format", "pt"));
      Path hfFolder = Files.createDirectories(dir.resolve("hf"));
      SafetensorsFile.write(
          hfFolder.resolve("model.safetensors"), huggingFace(manager, openAi, config), Map.of());

      ClipCheckpoint.Imported fromOpenAi = ClipCheckpoint.read(openAiFile, manager);
      ClipCheckpoint.Imported fromHf = ClipCheckpoint.read(hfFolder, manager);
      assertEquals(ClipCheckpoint.Format.OPENAI_SAFETENSORS, fromOpenAi.format());
      assertEquals(ClipCheckpoint.Format.HUGGING_FACE_SAFETENSORS, fromHf.format());
      assertEquals(config, fromOpenAi.model().config());
      assertEquals(config, fromHf.model().config());
      assertSameOutputs(manager, original, fromOpenAi.model());
      assertSameOutputs(manager, original, fromHf.model());
    }
  }

  @Test
  void huggingFaceConfigGivesHeadCountsShapesCannotTell() throws IOException {
    // 4 vision heads where OpenAI's rule (width / 64) would say 2
    ClipConfig config = new ClipConfig(32, 8, 128, 2, 4, 32, 64, 2, 2, 16, TinyModels.VOCABULARY);
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel original = TinyModels.random(manager, config);
      Path hfFolder = Files.createDirectories(dir.resolve("hf-heads"));
      SafetensorsFile.write(
          hfFolder.resolve("model.safetensors"),
          huggingFace(manager, stateDict(original), config),
          Map.of());
      Files.writeString(
          hfFolder.resolve("config.json"),
          "{\"vision_config\": {\"num_attention_heads\": 4},"
              + " \"text_config\": {\"num_attention_heads\": 2, \"eos_token_id\": 2}}");
      ClipModel imported = ClipCheckpoint.read(hfFolder, manager).model();
      assertEquals(config, imported.config());
      assertSameOutputs(manager, original, imported);
    }
  }

  static Map<String, NDArray> stateDict(ClipModel model) {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    ClipParameters.byName(model).forEach((name, p) -> arrays.put(name, p.getArray()));
    return arrays;
  }

  /** Hugging Face's CLIPModel layout of an OpenAI state dict, written out by hand. */
  static Map<String, NDArray> huggingFace(
      NDManager manager, Map<String, NDArray> openAi, ClipConfig config) {
    Map<String, NDArray> hf = new LinkedHashMap<>();
    hf.put("logit_scale", openAi.get("logit_scale"));
    hf.put("vision_model.embeddings.class_embedding", openAi.get("visual.class_embedding"));
    hf.put("vision_model.embeddings.patch_embedding.weight", openAi.get("visual.conv1.weight"));
    hf.put(
        "vision_model.embeddings.position_embedding.weight",
        openAi.get("visual.positional_embedding"));
    hf.put(
        "vision_model.embeddings.position_ids",
        manager
            .arange(0, config.visionTokens())
            .toType(ai.djl.ndarray.types.DataType.INT64, false)
            .reshape(1, -1));
    hf.put("vision_model.pre_layrnorm.weight", openAi.get("visual.ln_pre.weight"));
    hf.put("vision_model.pre_layrnorm.bias", openAi.get("visual.ln_pre.bias"));
    layers(
        hf,
        openAi,
        "visual.transformer",
        "vision_model",
        config.visionLayers(),
        config.visionWidth());
    hf.put("vision_model.post_layernorm.weight", openAi.get("visual.ln_post.weight"));
    hf.put("vision_model.post_layernorm.bias", openAi.get("visual.ln_post.bias"));
    hf.put("visual_projection.weight", openAi.get("visual.proj").transpose().duplicate());
    hf.put("text_model.embeddings.token_embedding.weight", openAi.get("token_embedding.weight"));
    hf.put("text_model.embeddings.position_embedding.weight", openAi.get("positional_embedding"));
    hf.put(
        "text_model.embeddings.position_ids",
        manager
            .arange(0, config.contextLength())
            .toType(ai.djl.ndarray.types.DataType.INT64, false)
            .reshape(1, -1));
    layers(hf, openAi, "transformer", "text_model", config.textLayers(), config.textWidth());
    hf.put("text_model.final_layer_norm.weight", openAi.get("ln_final.weight"));
    hf.put("text_model.final_layer_norm.bias", openAi.get("ln_final.bias"));
    hf.put("text_projection.weight", openAi.get("text_projection").transpose().duplicate());
    return hf;
  }

  private static void layers(
      Map<String, NDArray> hf,
      Map<String, NDArray> openAi,
      String openAiPrefix,
      String hfPrefix,
      int layers,
      int width) {
    for (int i = 0; i < layers; i++) {
      String o = openAiPrefix + ".resblocks." + i + ".";
      String h = hfPrefix + ".encoder.layers." + i + ".";
      NDArray inWeight = openAi.get(o + "attn.in_proj_weight");
      NDArray inBias = openAi.get(o + "attn.in_proj_bias");
      String[] parts = {"q", "k", "v"};
      for (int p = 0; p < 3; p++) {
        String rows = (p * width) + ":" + ((p + 1) * width);
        hf.put(
            h + "self_attn." + parts[p] + "_proj.weight", inWeight.get(rows + ", :").duplicate());
        hf.put(h + "self_attn." + parts[p] + "_proj.bias", inBias.get(rows).duplicate());
      }
      hf.put(h + "self_attn.out_proj.weight", openAi.get(o + "attn.out_proj.weight"));
      hf.put(h + "self_attn.out_proj.bias", openAi.get(o + "attn.out_proj.bias"));
      hf.put(h + "layer_norm1.weight", openAi.get(o + "ln_1.weight"));
      hf.put(h + "layer_norm1.bias", openAi.get(o + "ln_1.bias"));
      hf.put(h + "layer_norm2.weight", openAi.get(o + "ln_2.weight"));
      hf.put(h + "layer_norm2.bias", openAi.get(o + "ln_2.bias"));
      hf.put(h + "mlp.fc1.weight", openAi.get(o + "mlp.c_fc.weight"));
      hf.put(h + "mlp.fc1.bias", openAi.get(o + "mlp.c_fc.bias"));
      hf.put(h + "mlp.fc2.weight", openAi.get(o + "mlp.c_proj.weight"));
      hf.put(h + "mlp.fc2.bias", openAi.get(o + "mlp.c_proj.bias"));
    }
  }

  static void assertSameOutputs(NDManager manager, ClipModel expected, ClipModel actual) {
    ClipConfig config = expected.config();
    NDArray images = TinyModels.images(manager, config, 2, 7);
    NDArray tokens = TinyModels.tokens(manager, config, 3);
    float imageGap =
        expected.encodeImage(images).sub(actual.encodeImage(images)).abs().max().getFloat();
    float textGap =
        expected.encodeText(tokens).sub(actual.encodeText(tokens)).abs().max().getFloat();
    assertTrue(imageGap < 1e-5f, "image features differ by " + imageGap);
    assertTrue(textGap < 1e-5f, "text features differ by " + textGap);
    assertEquals(
        expected.logitScale().getArray().getFloat(), actual.logitScale().getArray().getFloat());
    assertEquals(new Shape(2, config.embedDim()), actual.encodeImage(images).getShape());
  }
}
