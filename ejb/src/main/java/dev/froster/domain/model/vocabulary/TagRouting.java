package dev.froster.domain.model.vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores a segment against a vocabulary as the model classifies a clip (froster-method.md): logits
 * = logit scale × cosine to each term's class embedding, confidence = softmax over the vocabulary's
 * terms. The best term at or above the accept threshold is accepted, at or above the review
 * threshold it goes to review with the runner-ups, below it no tag is made.
 *
 * <p>Ties are broken by the lower term id, so the same scores always give the same tag. A
 * vocabulary of one term gives it confidence 1: a softmax over one class is certain, which is why
 * single-term vocabularies tag everything they are applied to.
 */
public final class TagRouting {

  /** Runner-up terms kept with a tag for the reviewer. */
  public static final int MAX_ALTERNATIVES = 3;

  private final double logitScale;
  private final Thresholds thresholds;

  /**
   * @throws IllegalArgumentException when the logit scale is not a positive finite number
   */
  public TagRouting(double logitScale, Thresholds thresholds) {
    if (!(logitScale > 0) || Double.isInfinite(logitScale)) {
      throw new IllegalArgumentException(
          "logit scale must be a positive finite number, was " + logitScale);
    }
    this.logitScale = logitScale;
    this.thresholds = thresholds;
  }

  /**
   * Confidences of every term for the segment, best first (ties: lower term id first).
   *
   * @throws IllegalArgumentException when there are no terms or dimensions differ
   */
  public List<ScoredTerm> confidences(float[] segment, List<TermVector> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary without terms cannot be scored");
    }
    double[] logits = new double[terms.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      logits[i] = logitScale * cosine(segment, terms.get(i).embedding());
      max = Math.max(max, logits[i]);
    }
    // softmax, shifted by the largest logit so that exp never overflows
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      logits[i] = Math.exp(logits[i] - max);
      sum += logits[i];
    }
    List<ScoredTerm> scored = new ArrayList<>(terms.size());
    for (int i = 0; i < logits.length; i++) {
      scored.add(new ScoredTerm(terms.get(i).termId(), logits[i] / sum));
    }
    scored.sort(
        Comparator.comparingDouble(ScoredTerm::confidence)
            .reversed()
            .thenComparingLong(ScoredTerm::termId));
    return scored;
  }

  /** The tag the segment gets, empty when its best confidence is below the review threshold. */
  public Optional<TagDecision> decide(float[] segment, List<TermVector> terms) {
    List<ScoredTerm> scored = confidences(segment, terms);
    ScoredTerm best = scored.get(0);
    if (best.confidence() >= thresholds.accept()) {
      return Optional.of(new TagDecision(best, TagDecision.Status.ACCEPTED, runnersUp(scored)));
    }
    if (best.confidence() >= thresholds.review()) {
      return Optional.of(new TagDecision(best, TagDecision.Status.PENDING, runnersUp(scored)));
    }
    return Optional.empty();
  }

  private static List<ScoredTerm> runnersUp(List<ScoredTerm> scored) {
    return List.copyOf(scored.subList(1, Math.min(scored.size(), 1 + MAX_ALTERNATIVES)));
  }

  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "cannot compare " + a.length + " with " + b.length + " dimensions");
    }
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      normA += (double) a[i] * a[i];
      normB += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(normA * normB);
  }
}
