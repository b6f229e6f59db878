package dev.froster.engine.clip.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipFixture;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both clip-tiny checkpoints give the features an independent PyTorch reference computed. */
class ClipConformanceTest {

  private static final float TOLERANCE = 1e-4f;

  @Test
  void openAiTorchScriptArchiveGivesReferenceFeatures() throws IOException {
    assertConforms(
        ClipFixture.clipTiny().resolve("openai-jit.pt"), ClipCheckpoint.Format.OPENAI_TORCHSCRIPT);
  }

  @Test
  void huggingFaceFolderGivesReferenceFeatures() throws IOException {
    assertConforms(
        ClipFixture.clipTiny().resolve("hf"), ClipCheckpoint.Format.HUGGING_FACE_SAFETENSORS);
  }

  /**
   * The imported parameters own their memory: the file buffers the importer read are collected, and
   * other bytes written where they were, without changing a parameter (the transposed projections
   * were once views of a buffer the importer let go).
   */
  @Test
  void huggingFaceParametersOutliveTheFileBuffers() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = ClipCheckpoint.read(ClipFixture.clipTiny().resolve("hf"), manager).model();
      Map<String, float[]> before = new LinkedHashMap<>();
      ClipParameters.byName(model)
          .forEach((name, p) -> before.put(name, p.getArray().toFloatArray()));
      List<ByteBuffer> overwriting = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        System.gc();
        Thread.sleep(50);
        for (float[] values : before.values()) {
          ByteBuffer filler = ByteBuffer.allocateDirect(values.length * Float.BYTES);
          while (filler.hasRemaining()) {
            filler.put((byte) 0x7f);
          }
          overwriting.add(filler);
        }
      }
      ClipParameters.byName(model)
          .forEach(
              (name, p) ->
                  assertArrayEquals(before.get(name), p.getArray().toFloatArray(), 0f, name));
      assertEquals(3 * before.size(), overwriting.size());
    }
  }

  private static void assertConforms(Path checkpoint, ClipCheckpoint.Format format)
      throws IOException {
    JsonObject expected = ClipFixture.expected();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipCheckpoint.Imported imported = ClipCheckpoint.read(checkpoint, manager);
      assertEquals(format, imported.format());
      ClipModel model = imported.model();
      JsonObject config = expected.getAsJsonObject("config");
      ClipConfig inferred = model.config();
      assertEquals(config.get("image_resolution").getAsInt(), inferred.imageResolution());
      assertEquals(config.get("patch").getAsInt(), inferred.patchSize());
      assertEquals(config.get("vision_width").getAsInt(), inferred.visionWidth());
      assertEquals(config.get("vision_layers").getAsInt(), inferred.visionLayers());
      assertEquals(config.get("embed_dim").getAsInt(), inferred.embedDim());
      assertEquals(config.get("text_width").getAsInt(), inferred.textWidth());
      assertEquals(config.get("text_layers").getAsInt(), inferred.textLayers());
      assertEquals(config.get("context_length").getAsInt(), inferred.contextLength());
      assertEquals(config.get("vocab_size").getAsInt(), inferred.vocabSize());
      assertEquals(inferred.visionWidth() / 64, inferred.visionHeads());
      assertEquals(inferred.textWidth() / 64, inferred.textHeads());

      int resolution = inferred.imageResolution();
      float[] pixels = ClipFixture.flatten(expected.get("images"));
      int images = pixels.length / (3 * resolution * resolution);
      NDArray imageBatch = manager.create(pixels, new Shape(images, 3, resolution, resolution));
      float[] imageFeatures = model.encodeImage(imageBatch).toFloatArray();
      assertArrayEquals(
          ClipFixture.flatten(expected.get("image_features")), imageFeatures, TOLERANCE);

      long[][] ids = ClipFixture.tokenIds(expected);
      NDArray tokenBatch = manager.create(ids);
      float[] textFeatures = model.encodeText(tokenBatch).toFloatArray();
      assertArrayEquals(
          ClipFixture.flatten(expected.get("text_features")), textFeatures, TOLERANCE);

      assertEquals(
          expected.get("logit_scale").getAsFloat(),
          model.logitScale().getArray().getFloat(),
          TOLERANCE);
      float[] logits =
          model
              .forward(
                  new ai.djl.training.ParameterStore(manager, false),
                  new ai.djl.ndarray.NDList(imageBatch, tokenBatch),
                  false)
              .head()
              .toFloatArray();
      assertArrayEquals(ClipFixture.flatten(expected.get("logits_per_image")), logits, 1e-3f);
    }
  }
}
