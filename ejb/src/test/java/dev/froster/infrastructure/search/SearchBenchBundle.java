package dev.froster.infrastructure.search;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a tiny model bundle with random weights and 512-d embeddings, for the REST load test of
 * bench/search/run.sh: the server embeds query texts with it, so the requests go through the real
 * text tower, cache and search SQL, at a fraction of a real model's cost (the load test measures
 * search, not the text tower). Prints the weights' sha256, which the script writes into the
 * benchmark database's active model version together with the bundle's path.
 *
 * <p>Arguments: target folder (must not exist).
 */
public final class SearchBenchBundle {

  private SearchBenchBundle() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]).toAbsolutePath();
    ClipConfig config = new ClipConfig(32, 8, 128, 2, 2, 512, 64, 2, 1, 16, 516);
    Path scratch = Files.createTempDirectory("bench-tokenizer");
    Path vocabulary = scratch.resolve("tiny_vocab.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(vocabulary))) {
      out.write("#version: tiny\nc a\nca t</w>\n".getBytes(StandardCharsets.UTF_8));
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = new ClipModel(config).initializeRandom(manager);
      BundleManifest manifest =
          ModelBundle.write(
              target,
              model,
              ClipTokenizer.load(vocabulary),
              new BundleManifest.Provenance("random", "random", null, null, "search benchmark"),
              Map.of());
      System.out.println(
          "bundle " + target + " sha256 " + manifest.files().get(manifest.weights()));
    } finally {
      Files.deleteIfExists(vocabulary);
      Files.deleteIfExists(scratch);
    }
  }
}
