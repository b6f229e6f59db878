package dev.froster.domain.model.training;

/**
 * A model's top-1 accuracies on a run's held-out data, as fractions in [0, 1]: on the base classes'
 * test videos, on the novel classes' (never trained on), and their harmonic mean.
 */
public record Accuracies(double base, double novel) {

  public Accuracies {
    requireFraction("base", base);
    requireFraction("novel", novel);
  }

  /** HM = 2BN / (B + N), the base-to-novel protocol's figure; 0 when both are 0. */
  public double harmonicMean() {
    return base + novel == 0 ? 0 : 2 * base * novel / (base + novel);
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " accuracy must lie in [0, 1], was " + value);
    }
  }
}
