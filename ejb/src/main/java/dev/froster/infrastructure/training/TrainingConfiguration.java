package dev.froster.infrastructure.training;

import dev.froster.application.InvalidTrainingRequestException;
import dev.froster.application.ModelsRoot;
import dev.froster.application.TrainingOverrides;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The settings of a training run, read from MicroProfile Config when the run starts and frozen into
 * the run's record (so that restarts train exactly the same way). Defaults are the paper's
 * (froster-method.md, "Optimisation") except where noted; docs/retraining.md has the table.
 *
 * <ul>
 *   <li>{@code froster.training.root}: folder of the runs' work folders ({@code training} beside
 *       the models root, i.e. {@code ${FROSTER_HOME}/var/training})
 *   <li>{@code froster.training.datasets.root}: where registered datasets may lie besides the
 *       ingest roots ({@code datasets} beside the models root)
 *   <li>{@code froster.training.device}: auto (GPU when DJL sees one), cpu or gpu
 *   <li>{@code froster.training.epochs} 12, {@code batch-size} 64, {@code learning-rate} 3.33e-6,
 *       {@code frames} 8, {@code frame-stride} 16, {@code horizontal-flip} true, {@code seed} 0
 *   <li>{@code froster.training.checkpoint-every-steps} 50: a checkpoint (and a progress report and
 *       a chance to stop) every this many steps
 *   <li>{@code froster.training.test-clips} 3 and {@code test-every} 4 (held-out split, see the
 *       engine's HeldOutSplit)
 *   <li>{@code froster.training.gate.novel-margin} 0.05, {@code gate.hm-tolerance} 0
 *   <li>{@code froster.training.teacher}: id of the teacher version (default: the active version's
 *       teacher, else the latest base version, else the active version itself)
 * </ul>
 */
@ApplicationScoped
public class TrainingConfiguration {

  private static final String PREFIX = "froster.training.";

  @Inject private ModelsRoot modelsRoot;

  /** Folder of the runs' work folders. */
  public Path trainingRoot() {
    return home("root", "training");
  }

  /** Folder registered datasets may lie in (besides the ingest roots). */
  public Path datasetsRoot() {
    return home("datasets.root", "datasets");
  }

  /** Where the candidate bundle of a run is written (under the models root). */
  public Path candidateBundle(long runId) {
    return modelsRoot.path().resolve("trained").resolve("run-" + runId);
  }

  /** Where imported checkpoints become bundles (under the models root). */
  public Path importedBundle(String folderName) {
    return modelsRoot.path().resolve("imported").resolve(folderName);
  }

  /** The configured teacher version id, or null for the default choice. */
  public Long teacherId() {
    return config().getOptionalValue(PREFIX + "teacher", Long.class).orElse(null);
  }

  /**
   * A run's settings: the configuration with {@code overrides} applied, checked.
   *
   * @throws InvalidTrainingRequestException naming a value out of range
   */
  public JsonObject runSettings(TrainingOverrides overrides) {
    int epochs = pick(overrides.epochs(), intValue("epochs", 12));
    int batchSize = pick(overrides.batchSize(), intValue("batch-size", 64));
    int checkpointEvery =
        pick(overrides.checkpointEverySteps(), intValue("checkpoint-every-steps", 50));
    double learningRate = pick(overrides.learningRate(), doubleValue("learning-rate", 3.33e-6));
    double novelMargin = pick(overrides.novelMargin(), doubleValue("gate.novel-margin", 0.05));
    double hmTolerance = pick(overrides.hmTolerance(), doubleValue("gate.hm-tolerance", 0));
    int frames = intValue("frames", 8);
    int frameStride = intValue("frame-stride", 16);
    int testClips = intValue("test-clips", 3);
    int testEvery = intValue("test-every", 4);
    requireAtLeast("epochs", epochs, 1);
    requireAtLeast("batchSize", batchSize, 1);
    requireAtLeast("checkpointEverySteps", checkpointEvery, 1);
    requireAtLeast("frames", frames, 1);
    requireAtLeast("frameStride", frameStride, 1);
    requireAtLeast("testClips", testClips, 1);
    requireAtLeast("testEvery", testEvery, 2);
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new InvalidTrainingRequestException(
          "learningRate must lie in (0, 1), was " + learningRate);
    }
    if (!(novelMargin >= -1 && novelMargin <= 1)) {
      throw new InvalidTrainingRequestException(
          "novelMargin must lie in [-1, 1], was " + novelMargin);
    }
    if (!(hmTolerance >= 0 && hmTolerance <= 1)) {
      throw new InvalidTrainingRequestException(
          "hmTolerance must lie in [0, 1], was " + hmTolerance);
    }
    return Json.createObjectBuilder()
        .add("method", "froster")
        .add("epochs", epochs)
        .add("batchSize", batchSize)
        .add("checkpointEverySteps", checkpointEvery)
        .add("learningRate", learningRate)
        .add("frames", frames)
        .add("frameStride", frameStride)
        .add(
            "horizontalFlip",
            config().getOptionalValue(PREFIX + "horizontal-flip", Boolean.class).orElse(true))
        .add("seed", config().getOptionalValue(PREFIX + "seed", Long.class).orElse(0L))
        .add("testClips", testClips)
        .add("testEvery", testEvery)
        .add("device", config().getOptionalValue(PREFIX + "device", String.class).orElse("auto"))
        .add("novelMargin", novelMargin)
        .add("hmTolerance", hmTolerance)
        .build();
  }

  private static <T> T pick(T override, T configured) {
    return override != null ? override : configured;
  }

  private static void requireAtLeast(String name, long value, long minimum) {
    if (value < minimum) {
      throw new InvalidTrainingRequestException(
          name + " must be at least " + minimum + ", was " + value);
    }
  }

  private static int intValue(String key, int fallback) {
    return config().getOptionalValue(PREFIX + key, Integer.class).orElse(fallback);
  }

  private static double doubleValue(String key, double fallback) {
    return config().getOptionalValue(PREFIX + key, Double.class).orElse(fallback);
  }

  /** The configured folder, else {@code folder} beside the models root. */
  private Path home(String key, String folder) {
    return config()
        .getOptionalValue(PREFIX + key, String.class)
        .map(Path::of)
        .orElseGet(() -> modelsRoot.path().resolveSibling(folder))
        .toAbsolutePath()
        .normalize();
  }

  private static Config config() {
    return ConfigProvider.getConfig();
  }
}
