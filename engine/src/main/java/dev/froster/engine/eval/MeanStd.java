package dev.froster.engine.eval;

import java.util.List;

/**
 * Mean and sample standard deviation (n - 1 in the denominator; 0 for a single value) of repeated
 * measurements, e.g. one accuracy per seed.
 *
 * @param mean the arithmetic mean
 * @param std the sample standard deviation
 * @param count how many values
 */
public record MeanStd(double mean, double std, int count) {

  /** Mean and standard deviation of {@code values}. */
  public static MeanStd of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to average");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / values.size();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double std = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0;
    return new MeanStd(mean, std, values.size());
  }

  /** Harmonic mean of base and novel accuracy, 2BN / (B + N); 0 when both are 0. */
  public static double harmonicMean(double base, double novel) {
    return base + novel == 0 ? 0 : 2 * base * novel / (base + novel);
  }
}
