package dev.froster.engine.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipModelTest {

  @Test
  void vitB16HasOpenAisParameterCountsBuildsAndEncodes() {
    ClipConfig config = ClipConfig.vitB16();
    Map<String, Shape> shapes = ClipParameters.shapes(config);
    long all = ClipParameters.count(config);
    long image =
        shapes.entrySet().stream()
            .filter(e -> e.getKey().startsWith("visual."))
            .mapToLong(e -> e.getValue().size())
            .sum();
    assertEquals(149_620_737L, all);
    assertEquals(86_192_640L, image);
    assertEquals(63_428_097L, all - image);

    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      long built =
          ClipParameters.byName(model).values().stream()
              .mapToLong(p -> p.getArray().getShape().size())
              .sum();
      assertEquals(149_620_737L, built);
      try (NDManager batch = manager.newSubManager()) {
        NDArray images = TinyModels.images(batch, config, 2, 1);
        NDArray imageFeatures = model.encodeImage(images);
        assertEquals(new Shape(2, 512), imageFeatures.getShape());
        NDArray textFeatures = model.encodeText(TinyModels.tokens(batch, config, 2));
        assertEquals(new Shape(2, 512), textFeatures.getShape());
        assertTrue(imageFeatures.isInfinite().logicalOr(imageFeatures.isNaN()).none().getBoolean());
        assertTrue(textFeatures.isInfinite().logicalOr(textFeatures.isNaN()).none().getBoolean());
        // two different images give different features: the tower is not constant
        assertTrue(imageFeatures.get(0).sub(imageFeatures.get(1)).abs().max().getFloat() > 1e-3f);
      }
    }
  }

  @Test
  void encodingLeavesNothingBehindInTheModelsManager() {
    // The results of an op belong to its receiver's manager: a parameter on the left of an op would
    // park every intermediate of every call in the model's long-lived manager (a leak per call).
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      NDManager modelManager = model.logitScale().getArray().getManager();
      int before = ((BaseNDManager) modelManager).getManagedArrays().size();
      for (int call = 0; call < 3; call++) {
        try (NDManager step = manager.newSubManager()) {
          NDArray images = TinyModels.images(step, config, 2, call);
          NDArray videos = images.reshape(new Shape(1, 2).addAll(images.getShape().slice(1)));
          NDArray tokens = TinyModels.tokens(step, config, 2);
          model.encodeImage(images);
          model.encodeVideo(videos, true);
          model.encodeText(tokens);
          model.forward(new ParameterStore(step, false), new NDList(images, tokens), false);
        }
      }
      assertEquals(before, ((BaseNDManager) modelManager).getManagedArrays().size());
    }
  }

  @Test
  void gradientsDoNotDependOnGarbageCollectionBeforeBackward() {
    // Each transformer block's arrays are closed when the block is done; backward must not read
    // memory that went with them (Java-backed scalars did: the gradients came out as garbage).
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      Map<String, float[]> quiet = gradients(model, manager, false);
      Map<String, float[]> collected = gradients(model, manager, true);
      for (String name : quiet.keySet()) {
        assertArrayEquals(quiet.get(name), collected.get(name), name);
      }
    }
  }

  /** Gradients of (sum of image features + sum of text features) for one fixed batch. */
  private static Map<String, float[]> gradients(
      ClipModel model, NDManager manager, boolean collectGarbageBeforeBackward) {
    Map<String, Parameter> parameters = ClipParameters.byName(model);
    Map<String, float[]> gradients = new LinkedHashMap<>();
    try (NDManager step = manager.newSubManager()) {
      for (Parameter parameter : parameters.values()) {
        NDArray gradient = parameter.getArray().getGradient();
        gradient.subi(gradient);
      }
      NDArray images = TinyModels.images(step, model.config(), 2, 3);
      NDArray tokens = TinyModels.tokens(step, model.config(), 2);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        ParameterStore store = new ParameterStore(step, false);
        NDArray objective =
            model
                .encodeImage(store, images, true)
                .sum()
                .add(model.encodeText(store, tokens, true).sum());
        if (collectGarbageBeforeBackward) {
          overwriteFreedMemory();
        }
        collector.backward(objective);
      }
      parameters.forEach(
          (name, p) -> gradients.put(name, p.getArray().getGradient().toFloatArray()));
    }
    return gradients;
  }

  /** Lets the collector free what is unreachable, then reuses that memory with NaNs. */
  private static void overwriteFreedMemory() {
    List<ByteBuffer> filler = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      System.gc();
      for (int i = 0; i < 2000; i++) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
        while (buffer.remaining() >= Float.BYTES) {
          buffer.putFloat(Float.NaN);
        }
        filler.add(buffer);
      }
    }
  }

  @Test
  void parameterNamesOfTheBlocksAreOpenAisStateDictNames() {
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      Map<String, Shape> built = new LinkedHashMap<>();
      for (Map.Entry<String, Parameter> e : ClipParameters.byName(model).entrySet()) {
        built.put(e.getKey(), e.getValue().getArray().getShape());
      }
      assertEquals(ClipParameters.shapes(config), built);
      assertEquals((float) Math.log(1 / 0.07), model.logitScale().getArray().getFloat(), 1e-6f);
    }
  }

  @Test
  void logitsAreScaledCosinesOfNormalisedFeatures() {
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      NDArray images = TinyModels.images(manager, config, 3, 5);
      NDArray tokens = TinyModels.tokens(manager, config, 2);
      NDList logits =
          model.forward(new ParameterStore(manager, false), new NDList(images, tokens), false);
      assertEquals(new Shape(3, 2), logits.get(0).getShape());
      NDArray image = ClipModel.normalise(model.encodeImage(images));
      NDArray text = ClipModel.normalise(model.encodeText(tokens));
      NDArray expected = image.matMul(text.transpose()).mul(Math.exp(Math.log(1 / 0.07)));
      assertTrue(expected.sub(logits.get(0)).abs().max().getFloat() < 1e-4f);
      assertTrue(logits.get(1).sub(logits.get(0).transpose()).abs().max().getFloat() < 1e-6f);
    }
  }

  @Test
  void textFeaturesArePooledAtTheEndToken() {
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      NDArray tokens = TinyModels.tokens(manager, config, 1);
      NDArray reference = model.encodeText(tokens);
      // tokens after the end token cannot change anything (causal mask, pooling at the end)
      NDArray changedTail = tokens.duplicate();
      changedTail.set(new ai.djl.ndarray.index.NDIndex("0, 5:"), 17);
      assertTrue(model.encodeText(changedTail).sub(reference).abs().max().getFloat() < 1e-6f);
      // a token before the end token does change the features
      NDArray changedHead = tokens.duplicate();
      changedHead.set(new ai.djl.ndarray.index.NDIndex("0, 1"), 99);
      assertTrue(model.encodeText(changedHead).sub(reference).abs().max().getFloat() > 1e-4f);
    }
  }

  @Test
  void aTextEncodesTheSameAloneAndBesideALongerOne() {
    // the tower runs on the batch's longest text only (up to its last end token): a short text's
    // features must not depend on how long its neighbours are
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      NDArray batch = TinyModels.tokens(manager, config, 6); // end tokens at positions 2..7
      NDArray together = model.encodeText(batch);
      for (int i = 0; i < 6; i++) {
        NDArray alone =
            model.encodeText(batch.get(new ai.djl.ndarray.index.NDIndex("{}:{}", i, i + 1)));
        float difference = alone.sub(together.get(i)).abs().max().getFloat();
        assertTrue(difference < 1e-5f, "text " + i + " differs by " + difference);
      }
    }
  }

  @Test
  void wrongInputShapesAreRejectedWithTheExpectedShape() {
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      IllegalArgumentException image =
          assertThrows(
              IllegalArgumentException.class,
              () -> model.encodeImage(manager.zeros(new Shape(1, 3, 16, 16))));
      assertTrue(image.getMessage().contains("(N, 3, 32, 32)"), image.getMessage());
      IllegalArgumentException ids =
          assertThrows(
              IllegalArgumentException.class,
              () -> model.encodeText(manager.create(new long[][] {new long[16]}).add(10_000)));
      assertTrue(ids.getMessage().contains("[0, 516)"), ids.getMessage());
    }
  }
}
