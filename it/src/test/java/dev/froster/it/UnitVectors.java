package dev.froster.it;

import java.util.Random;

/** Unit vectors placed at chosen cosines, so that tests know the ranking search must return. */
public final class UnitVectors {

  private UnitVectors() {}

  /** A unit vector whose cosine with the unit vector {@code t} is {@code similarity}. */
  public static float[] atSimilarity(float[] t, double similarity, Random random) {
    double[] r = new double[t.length];
    double along = 0;
    for (int i = 0; i < r.length; i++) {
      r[i] = random.nextGaussian();
      along += r[i] * t[i];
    }
    double norm = 0;
    for (int i = 0; i < r.length; i++) {
      r[i] -= along * t[i];
      norm += r[i] * r[i];
    }
    norm = Math.sqrt(norm);
    double across = Math.sqrt(1 - similarity * similarity);
    float[] e = new float[t.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = (float) (similarity * t[i] + across * r[i] / norm);
    }
    return e;
  }
}
