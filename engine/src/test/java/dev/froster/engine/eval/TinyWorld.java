package dev.froster.engine.eval;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.TinyModels;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.SynthGenerator;
import dev.froster.engine.synth.SynthSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The quick synthetic world (real H.264 videos) and a random tiny CLIP written as a real bundle:
 * enough for the protocols' bookkeeping, which the tests check, not accuracy.
 */
final class TinyWorld {

  static final ClipConfig TINY =
      new ClipConfig(16, 8, 32, 1, 2, 16, 32, 1, 1, 48, TinyModels.VOCABULARY);

  final ActionDataset dataset;
  final Path teacher;

  private TinyWorld(ActionDataset dataset, Path teacher) {
    this.dataset = dataset;
    this.teacher = teacher;
  }

  /** Generates the world and writes the bundle under {@code folder}; one PyTorch thread. */
  static TinyWorld create(Path folder) throws IOException {
    Engine.getInstance();
    // one intra-op thread: two fight the other builds on the two shared cores
    JniUtils.setNumThreads(1);
    ActionDataset dataset =
        new SynthGenerator(SynthSettings.quick(folder.resolve("world"))).generate();
    Path teacher = folder.resolve("teacher");
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelBundle.write(
          teacher,
          TinyModels.random(manager, TINY),
          TinyModels.tokenizer(Files.createDirectories(folder.resolve("tok"))),
          new BundleManifest.Provenance("random", "random", "none", null, "TinyWorld"),
          Map.of());
    }
    return new TinyWorld(dataset, teacher);
  }
}
