package dev.froster.domain.model.training;

import java.util.Locale;

/**
 * Whether a candidate replaces the active version without an administrator: its HM must not be
 * below the active version's (less {@code hmTolerance}, 0 by default), and its novel accuracy must
 * not be below the frozen teacher's by more than {@code novelMargin} (0.05 by default: retraining
 * may cost a little zero-shot ability, not more). With no active version there is no HM to beat.
 * Equal figures pass; every figure is a fraction in [0, 1].
 *
 * @param novelMargin how far the candidate's novel accuracy may fall below the teacher's; negative:
 *     it must exceed the teacher's by that much
 * @param hmTolerance how far the candidate's HM may fall below the active version's
 */
public record PromotionGate(double novelMargin, double hmTolerance) {

  /** Figures this close count as equal (accuracies are ratios of small counts). */
  private static final double EQUAL = 1e-9;

  public PromotionGate {
    if (!(novelMargin >= -1 && novelMargin <= 1)) {
      throw new IllegalArgumentException("novel margin must lie in [-1, 1], was " + novelMargin);
    }
    if (!(hmTolerance >= 0 && hmTolerance <= 1)) {
      throw new IllegalArgumentException("HM tolerance must lie in [0, 1], was " + hmTolerance);
    }
  }

  /** The gate's answer and why, in words for the run's record. */
  public record Verdict(boolean promote, String reason) {}

  /**
   * Judges a candidate.
   *
   * @param active the active version's accuracies on the same data, null when none is active
   */
  public Verdict judge(Accuracies candidate, Accuracies active, Accuracies teacher) {
    StringBuilder reason = new StringBuilder();
    boolean hmHolds = true;
    if (active == null) {
      reason.append("no active version to compare HM with");
    } else {
      double required = active.harmonicMean() - hmTolerance;
      hmHolds = candidate.harmonicMean() + EQUAL >= required;
      reason.append(
          String.format(
              Locale.ROOT,
              "HM %.4f %s active %.4f%s",
              candidate.harmonicMean(),
              hmHolds ? ">=" : "<",
              active.harmonicMean(),
              hmTolerance == 0
                  ? ""
                  : String.format(Locale.ROOT, " - tolerance %.4f", hmTolerance)));
    }
    double requiredNovel = teacher.novel() - novelMargin;
    boolean novelHolds = candidate.novel() + EQUAL >= requiredNovel;
    reason.append(
        String.format(
            Locale.ROOT,
            "; novel %.4f %s teacher %.4f - margin %.4f",
            candidate.novel(),
            novelHolds ? ">=" : "<",
            teacher.novel(),
            novelMargin));
    boolean promote = hmHolds && novelHolds;
    return new Verdict(promote, (promote ? "passed: " : "failed: ") + reason);
  }
}
