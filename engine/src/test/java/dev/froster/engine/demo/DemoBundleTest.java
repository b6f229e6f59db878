package dev.froster.engine.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.demo.SearchEvaluation.ModelResult;
import dev.froster.engine.demo.SearchEvaluation.Wording;
import dev.froster.engine.inference.VideoEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed demo model ({@code demo/model} at the repository root) searches the default demo
 * catalogue, which it has never seen, as well as demo/README.md reports.
 */
class DemoBundleTest {
  /** The committed bundle, relative to the engine module (the tests' working folder). */
  private static final Path BUNDLE = Path.of("..", "demo", "model");

  /** The teacher the committed bundle was trained from ({@code WORK/teacher} of the recipe). */
  private static final Path TEACHER = Path.of("..", "demo", "teacher");

  /** The committed bundle's weights, as demo/README.md documents them. */
  static final String WEIGHTS_SHA256 =
      "f6b2250c88af52cac5da6df4c1a1f3ecf764c75e67d91ee637b6f65f120adb72";

  /**
   * Lowest mean top-1 accepted over the 26 queries of the default demo catalogue (13 videos, 78
   * segments; chance about 3/78). The committed model answers 9 queries of either wording; the
   * model before it 7.
   */
  static final double MIN_TOP1 = 8.0 / 26;

  /**
   * Lowest mean recall@10 accepted (chance about 10/78 = 0.13): the committed model finds 0.590 for
   * both wordings, the model before it 0.423 and 0.449.
   */
  static final double MIN_RECALL_AT_10 = 0.5;

  @TempDir Path folder;

  @Test
  void theCommittedDemoModelFindsTheActionsOfAFreshCatalogue() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(BUNDLE),
        "demo/model is absent: build it with ./froster demo-model --output demo/model");
    Path catalogue = folder.resolve("catalogue");
    new DemoCatalogue(CatalogueSettings.defaults(catalogue)).generate();
    SearchEvaluation evaluation = SearchEvaluation.prepare(catalogue);
    assertEquals(78, evaluation.segments().size(), "one segment per 2 s shot");
    try (VideoEmbedder embedder = VideoEmbedder.open(BUNDLE, Device.cpu())) {
      assertEquals(
          WEIGHTS_SHA256,
          embedder.weightsSha256(),
          "demo/model changed: measure it (froster eval-search) and update demo/README.md and this"
              + " test");
      ModelResult result = evaluation.evaluate("demo model", embedder);
      assertEquals(2 * 26, result.queries().size());
      for (Wording wording : Wording.values()) {
        double top1 = result.meanTop1(wording);
        assertTrue(
            top1 >= MIN_TOP1,
            "top-1 of " + wording.title() + " queries " + top1 + " < " + MIN_TOP1);
        double recall = result.meanRecallAt10(wording);
        assertTrue(
            recall >= MIN_RECALL_AT_10 && recall <= 1,
            wording.title() + " recall@10 " + recall + " < " + MIN_RECALL_AT_10);
      }
    }
  }

  @Test
  void theCommittedTeacherIsTheOneTheDemoModelWasTrainedFrom() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(BUNDLE) && Files.isDirectory(TEACHER),
        "demo/model or demo/teacher is absent: build them with ./froster demo-model");
    BundleManifest teacher = ModelBundle.readManifest(TEACHER);
    assertEquals(
        ModelBundle.readManifest(BUNDLE).provenance().sourceSha256(),
        teacher.files().get(teacher.weights()),
        "demo/teacher must be WORK/teacher of the run that wrote demo/model");
    assertEquals(BundleManifest.FORMAT, teacher.format());
  }
}
