package dev.froster.engine.froster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.TinyModels;
import dev.froster.engine.training.Gradients;
import dev.froster.engine.training.NamedParameter;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FrosterCoreTest {

  static final ClipConfig TINY =
      new ClipConfig(16, 8, 32, 1, 2, 16, 32, 1, 1, 20, TinyModels.VOCABULARY);

  @Test
  void residualHeadsStartAsTheIdentityWithKaimingFirstLayer() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ResidualHead head = new ResidualHead(256, 0.1f).initializeFresh(manager);
      NDArray features = TinyModels.random(manager, new Shape(5, 256), 3);
      NDArray out =
          head.forward(new ParameterStore(manager, false), new NDList(features), false).head();
      assertArrayEquals(features.toFloatArray(), out.toFloatArray(), 0f);
      float[] first = head.getParameters().get(0).getValue().getArray().toFloatArray();
      double squares = 0;
      for (float v : first) {
        squares += v * v;
      }
      double std = Math.sqrt(squares / first.length);
      assertEquals(Math.sqrt(2.0 / 256), std, 0.05 * Math.sqrt(2.0 / 256), "Kaiming-normal std");
      float[] last = head.getParameters().get(1).getValue().getArray().toFloatArray();
      for (float v : last) {
        assertEquals(0f, v);
      }
    }
  }

  @Test
  void crossEntropyAndDistillationEqualHandComputedValues() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float[][] logits = {{1f, 2f, 0f}, {0.5f, 0.5f, 3f}};
      int[] labels = {1, 0};
      double expectedCe = 0;
      for (int b = 0; b < 2; b++) {
        double sum = 0;
        for (float l : logits[b]) {
          sum += Math.exp(l);
        }
        expectedCe += -(logits[b][labels[b]] - Math.log(sum));
      }
      expectedCe /= 2;
      NDArray ce = FrosterLoss.crossEntropy(manager.create(logits), labels);
      assertEquals(expectedCe, ce.getFloat(), 1e-6);

      // rows (1,0) vs (1,1): cos 1/sqrt2; (0,2) vs (0,-1): cos -1 -> 1 - mean
      NDArray student = manager.create(new float[][] {{1, 0}, {0, 2}});
      NDArray teacher = manager.create(new float[][] {{1, 1}, {0, -1}});
      double expectedVisual = 1 - (1 / Math.sqrt(2) - 1) / 2;
      NDArray visual = FrosterLoss.cosineDistance(student, teacher);
      assertEquals(expectedVisual, visual.getFloat(), 1e-6);
      NDArray text = FrosterLoss.cosineDistance(teacher, teacher);
      assertEquals(0, text.getFloat(), 1e-6);
      FrosterLoss.Parts parts = FrosterLoss.total(ce, visual, text, 2.0f);
      assertEquals(expectedCe + 2 * expectedVisual, parts.total().getFloat(), 1e-5);
      assertEquals(expectedVisual, parts.distillation().getFloat(), 1e-6);
    }
  }

  @Test
  void frameLogitsAreTheMeanOfPerFrameScaledCosines() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel clip = TinyModels.random(manager, TINY);
      VideoClassifier frosterStyle = new VideoClassifier(clip, true, Pooling.FRAME_LOGITS);
      NDArray frames = manager.create(new float[] {3, 4, 0, 1, 0, 0}, new Shape(1, 2, 3));
      NDArray classes = manager.create(new float[][] {{1, 0, 0}, {0, 1, 0}});
      float scale = (float) Math.exp(clip.logitScale().getArray().getFloat());
      NDArray logits =
          frosterStyle.logits(new ParameterStore(manager, false), frames, classes, false);
      // frame 1 (0.6, 0.8, 0), frame 2 (1, 0, 0): mean cosines (0.8, 0.4)
      assertArrayEquals(new float[] {0.8f * scale, 0.4f * scale}, logits.toFloatArray(), 1e-3f);
      VideoClassifier vifi = new VideoClassifier(clip, false, Pooling.FEATURE_MEAN);
      NDArray pooled = vifi.logits(new ParameterStore(manager, false), frames, classes, false);
      // mean feature (2, 2, 0) -> unit (0.7071, 0.7071, 0)
      assertArrayEquals(
          new float[] {0.70710677f * scale, 0.70710677f * scale}, pooled.toFloatArray(), 1e-3f);
    }
  }

  @Test
  void promptsAreTwentyEightTemplatesAndTheBareClassText() {
    PromptEnsemble prompts =
        new PromptEnsemble(List.of("jump: a person leaves the ground", "sit: x"));
    assertEquals(28, PromptEnsemble.TEMPLATES.size());
    List<String> test = prompts.testTexts();
    assertEquals(58, test.size());
    assertEquals("a photo of jump: a person leaves the ground.", test.get(0));
    assertEquals("jump: a person leaves the ground", test.get(28));
    int[] choice = prompts.drawTemplates(new Random(1));
    List<String> training = prompts.trainingTexts(choice);
    assertEquals(4, training.size());
    assertEquals(prompts.text(1, choice[1]), training.get(2));
    assertEquals("sit: x", training.get(3));
  }

  @Test
  void gradientsMatchFiniteDifferencesOnATinyModel() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel clip = TinyModels.random(manager, TINY);
      VideoClassifier student = new VideoClassifier(clip, true, Pooling.FRAME_LOGITS);
      ResidualHead visualHead = new ResidualHead(TINY.embedDim(), 0.1f).initializeFresh(manager);
      ResidualHead textHead = new ResidualHead(TINY.embedDim(), 0.1f).initializeFresh(manager);
      // a non-zero last layer, so that every head weight has a gradient
      for (ResidualHead head : List.of(visualHead, textHead)) {
        NDArray last = head.getParameters().get(1).getValue().getArray();
        TinyModels.random(manager, last.getShape(), 11).mul(0.1f).copyTo(last);
      }
      NDArray clips = TinyModels.random(manager, new Shape(2, 3, 3, 16, 16), 5);
      NDArray tokens = TinyModels.tokens(manager, TINY, 4); // 2 classes x 2 prompts
      NDArray teacherFrames = TinyModels.random(manager, new Shape(6, TINY.embedDim()), 6);
      NDArray teacherText = TinyModels.random(manager, new Shape(2, TINY.embedDim()), 7);
      int[] labels = {1, 0};
      Supplier<NDArray> loss =
          () -> {
            NDManager m = clips.getManager();
            ParameterStore store = new ParameterStore(m, false);
            NDArray frames = student.frameFeatures(store, clips, true);
            NDArray classes = student.classEmbeddings(store, tokens, 2, true);
            NDArray ce =
                FrosterLoss.crossEntropy(student.logits(store, frames, classes, true), labels);
            NDArray unit = ClipModel.normalise(frames).reshape(-1, TINY.embedDim());
            NDArray visual =
                FrosterLoss.cosineDistance(
                    visualHead.forward(store, new NDList(unit), true).head(), teacherFrames);
            NDArray text =
                FrosterLoss.cosineDistance(
                    textHead.forward(store, new NDList(classes), true).head(), teacherText);
            return FrosterLoss.total(ce, visual, text, 2f).total();
          };
      List<NamedParameter> checked =
          List.of(
              new NamedParameter("visual.proj", ClipParameters.byName(clip).get("visual.proj")),
              new NamedParameter(
                  "text_projection", ClipParameters.byName(clip).get("text_projection")),
              new NamedParameter("logit_scale", clip.logitScale()),
              new NamedParameter("visual head fc1", visualHead.getParameters().get(0).getValue()),
              new NamedParameter("text head fc2", textHead.getParameters().get(1).getValue()));
      try (NDManager scope = manager.newSubManager()) {
        Gradients.zero(checked, scope);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          collector.backward(loss.get());
        }
        for (NamedParameter p : checked) {
          float[] gradient = Gradients.of(p.array(), scope).toFloatArray();
          int largest = 0;
          for (int i = 0; i < gradient.length; i++) {
            if (Math.abs(gradient[i]) > Math.abs(gradient[largest])) {
              largest = i;
            }
          }
          double numeric = centralDifference(p.array(), largest, loss, 1e-2f);
          assertTrue(Math.abs(gradient[largest]) > 1e-4, p.name() + " gradient vanishes");
          assertEquals(
              numeric,
              gradient[largest],
              0.05 * Math.abs(numeric) + 2e-4,
              p.name() + " entry " + largest);
        }
      }
    }
  }

  private static double centralDifference(
      NDArray weights, int index, Supplier<NDArray> loss, float epsilon) {
    float[] values = weights.toFloatArray();
    float original = values[index];
    values[index] = original + epsilon;
    set(weights, values);
    double plus = loss.get().getFloat();
    values[index] = original - epsilon;
    set(weights, values);
    double minus = loss.get().getFloat();
    values[index] = original;
    set(weights, values);
    return (plus - minus) / (2 * epsilon);
  }

  private static void set(NDArray weights, float[] values) {
    try (NDManager temporary = weights.getManager().newSubManager()) {
      temporary.create(values, weights.getShape()).copyTo(weights);
    }
  }
}
