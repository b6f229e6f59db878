package dev.froster.engine.clip.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.tokenizer.BpeTrainer;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.synth.NovelClasses;
import dev.froster.engine.synth.ShapeKind;
import dev.froster.engine.synth.SynthGenerator;
import dev.froster.engine.synth.SynthSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop on a small synthetic world: loss falls, retrieval is learned, determinism. */
class ClipPretrainerTest {
  /** A model small enough to train in seconds on two busy cores. */
  static final TinyClipArchitecture SMALL = new TinyClipArchitecture(32, 8, 64, 2, 64, 64, 2, 24);

  @TempDir static Path dir;
  static Path world;
  private static CaptionedStills stills;
  private static ClipTokenizer tokenizer;

  @BeforeAll
  static void generateWorld() throws IOException {
    world = generate(dir.resolve("world"), 64);
    stills = CaptionedStills.read(world, 0, 1);
    tokenizer = BpeTrainer.learn(stills.trainingCaptions(), 1024).writeTo(dir.resolve("bpe"));
  }

  /** A synthetic world of {@code images} 32-px stills (and two-frame videos, not used here). */
  static Path generate(Path output, int images) throws IOException {
    List<ShapeKind> shapes = List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE, ShapeKind.STAR);
    new SynthGenerator(
            new SynthSettings(
                output, 11, 2, images, 32, 4, 0.5, shapes, NovelClasses.SHAPE_MOTION, 2))
        .generate();
    return output;
  }

  static PretrainSettings settings(int steps, int batch) {
    return PretrainSettings.defaults()
        .withArchitecture(SMALL)
        .withSteps(steps)
        .withWarmupSteps(Math.min(10, steps))
        .withBatchSize(batch)
        .withSeed(3);
  }

  @Test
  void aFewStepsOnAFixedBatchReduceTheLoss() {
    List<Double> losses = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      CaptionedStills sixteen =
          new CaptionedStills(stills.root(), stills.training().subList(0, 16), List.of());
      new ClipPretrainer(settings(25, 16))
          .train(sixteen, tokenizer, manager, (step, loss, lr, norm, scale) -> losses.add(loss));
    }
    double first = (losses.get(0) + losses.get(1) + losses.get(2)) / 3;
    double last = (losses.get(22) + losses.get(23) + losses.get(24)) / 3;
    assertEquals(Math.log(16), losses.get(0), 0.5, "a random model starts near log(batch)");
    assertTrue(last < first - 0.5, "loss " + first + " -> " + last);
  }

  @Test
  void shortTrainingRetrievesTrainingImagesWellAboveChance() {
    try (NDManager manager = NDManager.newBaseManager()) {
      CaptionedStills thirtyTwo =
          new CaptionedStills(stills.root(), stills.training().subList(0, 32), List.of());
      long started = System.nanoTime();
      ClipModel model =
          new ClipPretrainer(settings(60, 32))
              .train(thirtyTwo, tokenizer, manager, (step, loss, lr, norm, scale) -> {});
      double seconds = (System.nanoTime() - started) / 1e9;
      RetrievalAccuracy accuracy =
          RetrievalAccuracy.measure(model, tokenizer, thirtyTwo.training(), manager);
      System.out.printf(
          "60 steps of 32 in %.1f s (%.2f steps/s): image->text %.3f, text->image %.3f,"
              + " chance %.3f%n",
          seconds, 60 / seconds, accuracy.imageToText(), accuracy.textToImage(), accuracy.chance());
      assertEquals(32, accuracy.count());
      assertTrue(accuracy.chance() < 0.07, "chance " + accuracy.chance());
      assertTrue(
          accuracy.imageToText() > 5 * accuracy.chance(), "image->text " + accuracy.imageToText());
      assertTrue(
          accuracy.textToImage() > 5 * accuracy.chance(), "text->image " + accuracy.textToImage());
    }
  }

  @Test
  void theSameSeedGivesTheSameWeights() {
    Map<String, float[]> first = trainedWeights(3);
    Map<String, float[]> second = trainedWeights(3);
    assertEquals(first.keySet(), second.keySet());
    first.forEach((name, values) -> assertArrayEquals(values, second.get(name), 0f, name));
    Map<String, float[]> other = trainedWeights(4);
    assertTrue(
        first.entrySet().stream()
            .anyMatch(e -> !java.util.Arrays.equals(e.getValue(), other.get(e.getKey()))),
        "another seed gives other weights");
  }

  private static Map<String, float[]> trainedWeights(long seed) {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model =
          new ClipPretrainer(settings(4, 8).withSeed(seed))
              .train(stills, tokenizer, manager, (step, loss, lr, norm, scale) -> {});
      Map<String, float[]> weights = new java.util.LinkedHashMap<>();
      ClipParameters.byName(model)
          .forEach((name, parameter) -> weights.put(name, toFloats(parameter.getArray())));
      return weights;
    }
  }

  private static float[] toFloats(NDArray array) {
    return array.toFloatArray();
  }
}
