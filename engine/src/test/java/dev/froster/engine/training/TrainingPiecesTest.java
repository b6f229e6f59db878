package dev.froster.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingPiecesTest {

  private static NamedParameter parameter(NDManager manager, String name, float[] values, Shape s) {
    Parameter parameter = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    NDArray array = manager.create(values, s);
    array.setRequiresGradient(true);
    parameter.setArray(array);
    return new NamedParameter(name, parameter);
  }

  /** loss = sum(w * c): the gradient of w is c. */
  private static void backward(NDManager step, NamedParameter p, float[] c) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray coefficients = step.create(c, p.array().getShape());
      // the step's array as receiver: the product belongs to the step, not to the weights' manager
      collector.backward(coefficients.mul(p.array()).sum());
    }
  }

  @Test
  void adamwStepsAsPytorchWithDecayOnlyOnMatrices() {
    try (NDManager manager = NDManager.newBaseManager();
        AdamW adamw = new AdamW(new AdamW.Settings(0.9, 0.999, 1e-8, 0.1), manager)) {
      float[] w0 = {1f, -2f, 0.5f, 3f};
      NamedParameter matrix = parameter(manager, "visual.proj", w0, new Shape(2, 2));
      NamedParameter bias = parameter(manager, "ln.bias", w0.clone(), new Shape(4));
      List<NamedParameter> both = List.of(matrix, bias);
      float[][] grads = {{0.1f, -0.2f, 0.3f, 0.4f}, {-0.5f, 0.6f, 0.0f, 0.2f}};
      double lr = 0.01;
      double[] wm = {1, -2, 0.5, 3};
      double[] wb = {1, -2, 0.5, 3};
      double[] m = new double[4];
      double[] v = new double[4];
      int arraysAfterFirstStep = 0;
      for (int t = 1; t <= 2; t++) {
        try (NDManager step = manager.newSubManager()) {
          Gradients.zero(both, step);
          backward(step, matrix, grads[t - 1]);
          backward(step, bias, grads[t - 1]);
          adamw.step(both, lr, step);
        }
        if (t == 1) {
          arraysAfterFirstStep = manager.getManagedArrays().size(); // weights, moments
        } else {
          assertEquals(
              arraysAfterFirstStep, manager.getManagedArrays().size(), "a step left arrays behind");
        }
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int i = 0; i < 4; i++) {
          double g = grads[t - 1][i];
          m[i] = 0.9 * m[i] + 0.1 * g;
          v[i] = 0.999 * v[i] + 0.001 * g * g;
          double update = lr / c1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(c2) + 1e-8);
          wm[i] = wm[i] * (1 - lr * 0.1) - update;
          wb[i] = wb[i] - update;
        }
      }
      float[] gotMatrix = matrix.array().toFloatArray();
      float[] gotBias = bias.array().toFloatArray();
      for (int i = 0; i < 4; i++) {
        assertEquals(wm[i], gotMatrix[i], 1e-6, "matrix weight " + i);
        assertEquals(wb[i], gotBias[i], 1e-6, "bias " + i);
      }
      assertEquals(2, adamw.steps());
    }
  }

  @Test
  void decayMaskSparesOneDimensionalParametersAndEmbeddings() {
    assertTrue(WeightDecayMask.decays("visual.proj", new Shape(8, 4)));
    assertTrue(
        WeightDecayMask.decays("transformer.resblocks.0.attn.in_proj_weight", new Shape(6, 2)));
    assertFalse(WeightDecayMask.decays("ln_final.weight", new Shape(8)));
    assertFalse(WeightDecayMask.decays("logit_scale", new Shape()));
    assertFalse(WeightDecayMask.decays("token_embedding.weight", new Shape(100, 8)));
    assertFalse(WeightDecayMask.decays("visual.positional_embedding", new Shape(5, 8)));
  }

  @Test
  void scheduleWarmsUpLinearlyThenFollowsTheCosineDown() {
    LearningRateSchedule schedule =
        LearningRateSchedule.ofEpochs(3.33e-6, 3.33e-8, 3.33e-8, 2, 12, 10);
    assertEquals(20, schedule.warmupSteps());
    assertEquals(120, schedule.totalSteps());
    assertEquals(3.33e-8, schedule.at(0), 1e-15);
    assertEquals(3.33e-8 + (3.33e-6 - 3.33e-8) / 2, schedule.at(10), 1e-15);
    assertEquals(3.33e-6, schedule.at(20), 1e-15);
    assertEquals((3.33e-6 + 3.33e-8) / 2, schedule.at(70), 1e-15);
    assertEquals(3.33e-8, schedule.at(120), 1e-15);
    for (int s = 21; s < 120; s++) {
      assertTrue(schedule.at(s) < schedule.at(s - 1), "decreasing at " + s);
    }
  }

  @Test
  void clippingScalesToTheGlobalNormOnlyWhenAbove() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NamedParameter a = parameter(manager, "a", new float[] {1, 1}, new Shape(2));
      NamedParameter b = parameter(manager, "b", new float[] {1}, new Shape(1));
      try (NDManager step = manager.newSubManager()) {
        Gradients.zero(List.of(a, b), step);
        backward(step, a, new float[] {3, 0});
        backward(step, b, new float[] {4});
        double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0, step);
        assertEquals(5.0, norm, 1e-6);
        assertArrayEquals(
            new float[] {0.6f, 0f}, Gradients.of(a.array(), step).toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {0.8f}, Gradients.of(b.array(), step).toFloatArray(), 1e-5f);
        double after = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0, step);
        assertEquals(1.0, after, 1e-5);
        assertArrayEquals(
            new float[] {0.6f, 0f}, Gradients.of(a.array(), step).toFloatArray(), 1e-5f);
      }
    }
  }

  @Test
  void trainingStateRoundTripsFactsArraysAndOptimiserMoments(@TempDir Path dir) throws IOException {
    try (NDManager manager = NDManager.newBaseManager();
        AdamW adamw = new AdamW(AdamW.Settings.froster(), manager);
        AdamW restored = new AdamW(AdamW.Settings.froster(), manager)) {
      NamedParameter w = parameter(manager, "w", new float[] {1, 2, 3}, new Shape(3));
      try (NDManager step = manager.newSubManager()) {
        Gradients.zero(List.of(w), step);
        backward(step, w, new float[] {1, -1, 2});
        adamw.step(List.of(w), 0.1, step);
      }
      TrainingState.Builder builder = TrainingState.builder().fact("step", "7");
      builder.array("weights.w", w.array());
      adamw.saveInto(builder);
      builder.save(dir.resolve("state-7"));
      assertThrows(IOException.class, () -> builder.save(dir.resolve("state-7")));
      try (TrainingState state = TrainingState.load(dir.resolve("state-7"), manager)) {
        assertEquals("7", state.fact("step"));
        assertArrayEquals(w.array().toFloatArray(), state.array("weights.w").toFloatArray());
        restored.restoreFrom(state);
      }
      assertEquals(1, restored.steps());
      // the restored optimiser takes the same next step as the original
      NamedParameter copy = parameter(manager, "w", w.array().toFloatArray(), new Shape(3));
      for (var pair : List.of(List.of(adamw, w), List.of(restored, copy))) {
        AdamW optimiser = (AdamW) pair.get(0);
        NamedParameter p = (NamedParameter) pair.get(1);
        try (NDManager step = manager.newSubManager()) {
          Gradients.zero(List.of(p), step);
          backward(step, p, new float[] {0.5f, 0.5f, -1});
          optimiser.step(List.of(p), 0.1, step);
        }
      }
      assertArrayEquals(w.array().toFloatArray(), copy.array().toFloatArray());
    }
  }

  @Test
  void aMissingStateIsAnErrorNamingTheFile(@TempDir Path dir) {
    try (NDManager manager = NDManager.newBaseManager()) {
      IOException error =
          assertThrows(IOException.class, () -> TrainingState.load(dir.resolve("nope"), manager));
      assertTrue(error.getMessage().contains("nope"), error.getMessage());
    }
  }

  @Test
  void resumedMetricsDropTheRowsAfterTheCheckpoint(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("steps.csv");
    try (MetricsWriter writer = MetricsWriter.create(file, List.of("step", "loss"))) {
      for (int s = 1; s <= 5; s++) {
        writer.row(s, 1.0 / s);
      }
    }
    try (MetricsWriter writer = MetricsWriter.resume(file, List.of("step", "loss"), 3)) {
      writer.row(4, 0.5);
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(5, lines.size());
    assertEquals("step,loss", lines.get(0));
    assertEquals("4,0.50000000", lines.get(4));
    assertThrows(IOException.class, () -> MetricsWriter.resume(file, List.of("step", "ce"), 3));
  }

  @Test
  void trainingRandomIsAFunctionOfItsCoordinates() {
    assertEquals(
        TrainingRandom.at(7, 2, 5, "crop").nextLong(),
        TrainingRandom.at(7, 2, 5, "crop").nextLong());
    assertTrue(
        TrainingRandom.at(7, 2, 5, "crop").nextLong()
            != TrainingRandom.at(7, 2, 6, "crop").nextLong());
    assertTrue(
        TrainingRandom.at(7, 2, 5, "crop").nextLong()
            != TrainingRandom.at(8, 2, 5, "crop").nextLong());
  }
}
