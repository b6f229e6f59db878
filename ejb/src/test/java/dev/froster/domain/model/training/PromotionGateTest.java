package dev.froster.domain.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PromotionGateTest {

  private final PromotionGate gate = new PromotionGate(0.05, 0);
  private final Accuracies teacher = new Accuracies(0.60, 0.50);

  @Test
  void aCandidateBetterThanTheActiveVersionAndCloseToTheTeacherPasses() {
    PromotionGate.Verdict verdict =
        gate.judge(new Accuracies(0.80, 0.48), new Accuracies(0.70, 0.45), teacher);
    assertTrue(verdict.promote(), verdict.reason());
    assertTrue(verdict.reason().startsWith("passed"));
  }

  @Test
  void equalHmAndANovelDropOfExactlyTheMarginPass() {
    Accuracies active = new Accuracies(0.70, 0.45);
    Accuracies candidate = new Accuracies(0.70, 0.45);
    assertTrue(gate.judge(candidate, active, new Accuracies(0.60, 0.50)).promote());
  }

  @Test
  void aLowerHmFailsEvenWithBetterNovelAccuracy() {
    PromotionGate.Verdict verdict =
        gate.judge(new Accuracies(0.40, 0.60), new Accuracies(0.70, 0.45), teacher);
    assertFalse(verdict.promote());
    assertTrue(verdict.reason().contains("HM"), verdict.reason());
  }

  @Test
  void forgettingTheOpenVocabularyFailsEvenWithABetterHm() {
    // HM 0.615 beats the active version's 0.55, but novel 0.44 is 0.06 below the teacher's 0.50
    PromotionGate.Verdict verdict =
        gate.judge(new Accuracies(0.95, 0.44), new Accuracies(0.65, 0.48), teacher);
    assertFalse(verdict.promote(), verdict.reason());
    assertTrue(verdict.reason().contains("novel 0.4400 < teacher"), verdict.reason());
  }

  @Test
  void withoutAnActiveVersionOnlyTheNovelRuleApplies() {
    assertTrue(gate.judge(new Accuracies(0.10, 0.46), null, teacher).promote());
    assertFalse(gate.judge(new Accuracies(0.90, 0.40), null, teacher).promote());
  }

  @Test
  void theHmToleranceLetsASlightlyLowerHmPass() {
    PromotionGate tolerant = new PromotionGate(0.05, 0.02);
    Accuracies active = new Accuracies(0.70, 0.50);
    Accuracies candidate = new Accuracies(0.68, 0.49);
    assertTrue(tolerant.judge(candidate, active, teacher).promote());
    assertFalse(gate.judge(candidate, active, teacher).promote());
  }

  @Test
  void aNegativeMarginDemandsBeatingTheTeacher() {
    PromotionGate strict = new PromotionGate(-0.05, 0);
    assertFalse(strict.judge(new Accuracies(0.9, 0.54), null, teacher).promote());
    assertTrue(strict.judge(new Accuracies(0.9, 0.55), null, teacher).promote());
  }

  @Test
  void outOfRangeSettingsAndFiguresAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PromotionGate(1.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new PromotionGate(0.05, -0.1));
    assertThrows(IllegalArgumentException.class, () -> new Accuracies(1.2, 0));
    assertThrows(IllegalArgumentException.class, () -> new Accuracies(Double.NaN, 0));
  }

  @Test
  void harmonicMeanIsZeroWhenBothAreZero() {
    assertEquals(0, new Accuracies(0, 0).harmonicMean());
    assertEquals(2 * 0.6 * 0.4 / 1.0, new Accuracies(0.6, 0.4).harmonicMean(), 1e-12);
  }
}
