package dev.froster.infrastructure.search;

import java.util.Random;

/**
 * Generated segment embeddings shaped like those of real footage, for search benchmarks at sizes no
 * real catalogue here reaches (see docs/benchmarks.md, "Search recall and latency").
 *
 * <p>CLIP-style video embeddings are not uniform on the sphere. They share a mean direction (the
 * "cone": two unrelated moments still have a clearly positive cosine), and they are clustered in a
 * hierarchy: the segments of one shot are nearly the same, the shots of one asset share its look,
 * and an action recurs across many assets. Each segment is therefore the normalised sum of
 * independent random unit directions, one per level it belongs to:
 *
 * <pre>
 * segment = normalise( √cone·μ + √action·a[shot's action] + √asset·c[asset] + √shot·s[shot] + √noise·n )
 * </pre>
 *
 * In 512 dimensions independent random directions are nearly orthogonal (cosine ±0.044), so two
 * segments' cosine is about the summed weight of the levels they share: same shot {@code 1 -
 * noise}, same action elsewhere {@code cone + action}, same asset other action {@code cone +
 * asset}, unrelated {@code cone}. The default weights reproduce what the demo catalogue's 78
 * embeddings show once their (rank-neutral) cone is removed: nearest neighbour 0.91, tenth 0.46.
 *
 * <p>Actions are drawn with Zipf-like popularity (a few actions are everywhere, most are rare);
 * every asset has {@link #SEGMENTS_PER_ASSET} segments cut into shots of 1 to 6 segments.
 *
 * <p>Queries stand for text embeddings: CLIP's text vectors live in their own cone (the modality
 * gap), so a query is its own mean direction plus one action, a little of one asset's look (a
 * description is more specific than its action) and a text-only residual. No query is a copy of a
 * stored row, and its best match scores far below 1, as with real text queries.
 *
 * <p>Everything is a function of (seed, index): a catalogue of a million rows is streamed, never
 * held, and the same rows can be regenerated to compute exact answers.
 */
final class FootageEmbeddings {

  /** Segments per asset; every 100th asset is in the rare collection (a 1 % filter). */
  static final int SEGMENTS_PER_ASSET = 10;

  /** Weights (squared norms) of the levels; they sum to 1. */
  static final double CONE = 0.30;

  static final double ACTION = 0.28;
  static final double ASSET = 0.14;
  static final double SHOT = 0.21;
  static final double NOISE = 0.07;

  /** Query mix: text cone, action, one asset's look, text-only residual. */
  static final double QUERY_CONE = 0.30;

  static final double QUERY_ACTION = 0.30;
  static final double QUERY_ASSET = 0.08;
  static final double QUERY_RESIDUAL = 0.32;

  final int dimension;
  final int actions;
  final boolean uniform;
  private final long seed;
  private final float[] cone;
  private final float[] textCone;
  private final float[][] actionDirections;
  private final double[] actionPopularity;

  /**
   * @param uniform true for the worst case instead: every segment and query a uniform random
   *     direction (no structure at all)
   */
  FootageEmbeddings(int dimension, int actions, boolean uniform, long seed) {
    this.dimension = dimension;
    this.actions = actions;
    this.uniform = uniform;
    this.seed = seed;
    Random random = new Random(seed);
    cone = direction(random);
    textCone = direction(random);
    actionDirections = new float[actions][];
    actionPopularity = new double[actions];
    double total = 0;
    for (int a = 0; a < actions; a++) {
      actionDirections[a] = direction(random);
      total += 1.0 / (a + 1);
      actionPopularity[a] = total;
    }
    for (int a = 0; a < actions; a++) {
      actionPopularity[a] /= total;
    }
  }

  /** The segments of one asset (asset indexes from 0), {@link #SEGMENTS_PER_ASSET} unit vectors. */
  float[][] asset(long asset) {
    Random random = new Random(mix(seed, asset));
    float[][] segments = new float[SEGMENTS_PER_ASSET][];
    if (uniform) {
      for (int i = 0; i < SEGMENTS_PER_ASSET; i++) {
        segments[i] = direction(random);
      }
      return segments;
    }
    float[] look = direction(random);
    int i = 0;
    while (i < SEGMENTS_PER_ASSET) {
      int shotLength = Math.min(SEGMENTS_PER_ASSET - i, 1 + random.nextInt(6));
      float[] action = actionDirections[action(random)];
      float[] shot = direction(random);
      for (int j = 0; j < shotLength; j++, i++) {
        segments[i] =
            normalised(
                new float[][] {cone, action, look, shot, direction(random)},
                new double[] {CONE, ACTION, ASSET, SHOT, NOISE});
      }
    }
    return segments;
  }

  /** Query {@code q}: a text-like vector near one action (and a little of one asset's look). */
  float[] query(int q, long assets) {
    Random random = new Random(mix(seed ^ 0x5DEECE66DL, q));
    if (uniform) {
      return direction(random);
    }
    // The action of a shot of a random asset: popular actions are asked for more often too.
    long asset = Math.floorMod(random.nextLong(), assets);
    Random assetRandom = new Random(mix(seed, asset));
    float[] look = direction(assetRandom);
    assetRandom.nextInt(6);
    float[] action = actionDirections[action(assetRandom)];
    return normalised(
        new float[][] {textCone, action, look, direction(random)},
        new double[] {QUERY_CONE, QUERY_ACTION, QUERY_ASSET, QUERY_RESIDUAL});
  }

  private int action(Random random) {
    double u = random.nextDouble();
    int low = 0;
    int high = actions - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (actionPopularity[middle] < u) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private float[] normalised(float[][] parts, double[] weights) {
    double[] sum = new double[dimension];
    for (int p = 0; p < parts.length; p++) {
      double scale = Math.sqrt(weights[p]);
      for (int i = 0; i < dimension; i++) {
        sum[i] += scale * parts[p][i];
      }
    }
    return unit(sum);
  }

  private float[] direction(Random random) {
    double[] values = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      values[i] = random.nextGaussian();
    }
    return unit(values);
  }

  private static float[] unit(double[] values) {
    double norm = 0;
    for (double value : values) {
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    float[] unit = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      unit[i] = (float) (values[i] / norm);
    }
    return unit;
  }

  /** Cosine of two unit vectors. */
  static double dot(float[] x, float[] y) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    for (int i = 0; i < x.length; i += 4) {
      s0 += x[i] * y[i];
      s1 += x[i + 1] * y[i + 1];
      s2 += x[i + 2] * y[i + 2];
      s3 += x[i + 3] * y[i + 3];
    }
    return (double) s0 + s1 + s2 + s3;
  }

  /** pgvector's text form of a vector. */
  static String text(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 12).append('[');
    for (int i = 0; i < vector.length; i++) {
      text.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return text.append(']').toString();
  }

  private static long mix(long seed, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
