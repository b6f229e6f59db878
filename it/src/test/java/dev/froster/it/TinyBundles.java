package dev.froster.it;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Tiny CLIP model bundles (32² images, 32-dimensional embeddings, random weights) written where the
 * server under test reads its bundles: the models root {@code FROSTER_MODELS_ROOT}, which
 * it/pom.xml sets for the tests and the server alike.
 */
public final class TinyBundles {

  public static final int DIMENSION = 32;

  private TinyBundles() {}

  /** The server's models root, created if missing. */
  public static Path modelsRoot() throws IOException {
    String root = System.getenv("FROSTER_MODELS_ROOT");
    if (root == null || root.isEmpty()) {
      throw new IllegalStateException("FROSTER_MODELS_ROOT is not set: run through mvn -pl it");
    }
    return Files.createDirectories(Path.of(root));
  }

  /**
   * Writes a bundle named {@code name} into the models root; {@code writer} goes into its
   * provenance.
   */
  public static Path write(String name, String writer) throws IOException {
    Path target = modelsRoot().resolve(name);
    ClipConfig config = new ClipConfig(32, 8, 128, 2, 2, DIMENSION, 64, 2, 1, 16, 516);
    Path scratch = Files.createTempDirectory("tiny-tokenizer");
    Path vocabulary = scratch.resolve("tiny_vocab.txt.gz");
    try (NDManager manager = NDManager.newBaseManager()) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(vocabulary))) {
        out.write("#version: tiny\nc a\nca t</w>\n".getBytes(StandardCharsets.UTF_8));
      }
      ClipModel model = new ClipModel(config).initializeRandom(manager);
      ModelBundle.write(
          target,
          model,
          ClipTokenizer.load(vocabulary),
          new BundleManifest.Provenance("random", "random", null, null, writer),
          Map.of());
    } finally {
      Files.deleteIfExists(vocabulary);
      Files.delete(scratch);
    }
    return target;
  }
}
