package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Tiny random CLIP models and a tiny vocabulary made by the tests themselves. */
public final class TinyModels {

  /** Ids of the tiny vocabulary: 512 byte symbols, 2 merges, start and end. */
  public static final int VOCABULARY = 516;

  private TinyModels() {}

  /** A small architecture: 32² images in 8² patches, 2 layers per tower. */
  public static ClipConfig config() {
    return new ClipConfig(32, 8, 128, 2, 2, 32, 64, 2, 1, 16, VOCABULARY);
  }

  /** A model of {@code config} with random parameters in {@code manager}. */
  public static ClipModel random(NDManager manager, ClipConfig config) {
    return new ClipModel(config).initializeRandom(manager);
  }

  /** Random normalised images (n, 3, R, R) from a seeded generator. */
  public static NDArray images(NDManager manager, ClipConfig config, int n, long seed) {
    int r = config.imageResolution();
    return random(manager, new Shape(n, 3, r, r), seed);
  }

  /** Standard-normal values of {@code shape} from a seeded Java generator (reproducible). */
  public static NDArray random(NDManager manager, Shape shape, long seed) {
    java.util.Random generator = new java.util.Random(seed);
    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) generator.nextGaussian();
    }
    return manager.create(values, shape);
  }

  /** Token ids (n, context): start, a few ids, end, zero padding. */
  public static NDArray tokens(NDManager manager, ClipConfig config, int n) {
    long[][] ids = new long[n][config.contextLength()];
    for (int i = 0; i < n; i++) {
      ids[i][0] = VOCABULARY - 2;
      for (int j = 1; j <= i + 1; j++) {
        ids[i][j] = 40 + 7 * i + j;
      }
      ids[i][i + 2] = VOCABULARY - 1;
    }
    return manager.create(ids);
  }

  /** Writes OpenAI's .gz layout with two merges ("c a", "ca t</w>") into {@code dir}, loads it. */
  public static ClipTokenizer tokenizer(Path dir) throws IOException {
    Path file = dir.resolve("tiny_vocab.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("#version: tiny\nc a\nca t</w>\n".getBytes(StandardCharsets.UTF_8));
    }
    return ClipTokenizer.load(file);
  }
}
