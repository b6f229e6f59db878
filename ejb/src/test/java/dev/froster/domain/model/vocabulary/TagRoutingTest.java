package dev.froster.domain.model.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagRoutingTest {

  private static final Thresholds THRESHOLDS = new Thresholds(0.8, 0.4);

  /** A unit vector in the plane at {@code degrees} from the x axis. */
  private static float[] at(double degrees) {
    double radians = Math.toRadians(degrees);
    return new float[] {(float) Math.cos(radians), (float) Math.sin(radians)};
  }

  @Test
  void confidenceIsTheSoftmaxOfScaledCosines() {
    TagRouting routing = new TagRouting(10, THRESHOLDS);
    float[] segment = at(0);
    List<ScoredTerm> scored =
        routing.confidences(segment, List.of(new TermVector(1, at(0)), new TermVector(2, at(90))));
    // logits 10·cos 0 = 10 and 10·cos 90° = 0
    double expected = Math.exp(10) / (Math.exp(10) + 1);
    assertEquals(1, scored.get(0).termId());
    assertEquals(expected, scored.get(0).confidence(), 1e-6);
    assertEquals(1 - expected, scored.get(1).confidence(), 1e-6);
  }

  @Test
  void aConfidentBestTermIsAcceptedWithItsRunnersUp() {
    TagRouting routing = new TagRouting(100, THRESHOLDS);
    Optional<TagDecision> decision =
        routing.decide(
            at(0),
            List.of(
                new TermVector(1, at(60)),
                new TermVector(2, at(1)),
                new TermVector(3, at(30)),
                new TermVector(4, at(45)),
                new TermVector(5, at(90))));
    assertTrue(decision.isPresent());
    assertEquals(TagDecision.Status.ACCEPTED, decision.get().status());
    assertEquals(2, decision.get().best().termId());
    assertEquals(
        List.of(3L, 4L, 1L),
        decision.get().alternatives().stream().map(ScoredTerm::termId).toList());
  }

  @Test
  void aMiddlingBestTermGoesToReviewAndAWeakOneIsDropped() {
    List<TermVector> terms = List.of(new TermVector(7, at(0)), new TermVector(8, at(90)));
    // halfway: cosines equal -> 0.5 each (review), slightly towards 7 -> above 0.5
    TagRouting routing = new TagRouting(4, THRESHOLDS);
    TagDecision review = routing.decide(at(40), terms).orElseThrow();
    assertEquals(TagDecision.Status.PENDING, review.status());
    assertEquals(7, review.best().termId());
    assertTrue(review.best().confidence() >= 0.4 && review.best().confidence() < 0.8);
    assertEquals(List.of(8L), review.alternatives().stream().map(ScoredTerm::termId).toList());

    TagRouting strict = new TagRouting(4, new Thresholds(0.9, 0.7));
    assertTrue(strict.decide(at(40), terms).isEmpty());
  }

  @Test
  void aSingleTermVocabularyIsCertain() {
    TagRouting routing = new TagRouting(100, new Thresholds(1, 1));
    TagDecision decision = routing.decide(at(170), List.of(new TermVector(3, at(0)))).orElseThrow();
    assertEquals(1.0, decision.best().confidence(), 0);
    assertEquals(TagDecision.Status.ACCEPTED, decision.status());
    assertEquals(List.of(), decision.alternatives());
  }

  @Test
  void tiesGoToTheLowerTermIdAndSplitTheConfidence() {
    TagRouting routing = new TagRouting(100, new Thresholds(0.5, 0.2));
    List<TermVector> terms = List.of(new TermVector(9, at(30)), new TermVector(4, at(-30)));
    TagDecision decision = routing.decide(at(0), terms).orElseThrow();
    assertEquals(4, decision.best().termId());
    assertEquals(0.5, decision.best().confidence(), 1e-9);
    // at the accept threshold exactly: accepted
    assertEquals(TagDecision.Status.ACCEPTED, decision.status());
    assertEquals(9, decision.alternatives().get(0).termId());
  }

  @Test
  void hugeLogitsDoNotOverflow() {
    TagRouting routing = new TagRouting(1e6, THRESHOLDS);
    List<ScoredTerm> scored =
        routing.confidences(at(0), List.of(new TermVector(1, at(0)), new TermVector(2, at(1))));
    assertEquals(1.0, scored.get(0).confidence(), 1e-9);
    assertTrue(Double.isFinite(scored.get(1).confidence()));
  }

  @Test
  void badInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TagRouting(0, THRESHOLDS));
    assertThrows(IllegalArgumentException.class, () -> new TagRouting(Double.NaN, THRESHOLDS));
    TagRouting routing = new TagRouting(100, THRESHOLDS);
    assertThrows(IllegalArgumentException.class, () -> routing.decide(at(0), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> routing.decide(new float[3], List.of(new TermVector(1, at(0)))));
  }
}
