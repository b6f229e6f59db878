package dev.froster.engine.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchMetricsTest {

  @Test
  void bestSegmentRelevantGivesTopOneAndRecallCountsTheFirstTen() {
    // 12 segments; relevant: 0 (score .9, rank 1), 5 (score .1, rank 11), 7 (score .5, rank 4)
    double[] scores = {.9, .8, .7, .6, .3, .1, .2, .5, .4, .35, .25, .15};
    boolean[] relevant = new boolean[12];
    relevant[0] = true;
    relevant[5] = true;
    relevant[7] = true;
    SearchMetrics.QueryFigures figures = SearchMetrics.evaluate(scores, relevant);
    assertEquals(1.0, figures.top1());
    // ranks 1 and 4 are in the first ten, rank 12 is not: 2 of min(10, 3)
    assertEquals(2.0 / 3, figures.recallAt10(), 1e-12);
    assertEquals(3, figures.relevant());
  }

  @Test
  void irrelevantBestSegmentMissesTopOne() {
    double[] scores = {.2, .9, .1};
    boolean[] relevant = {true, false, true};
    SearchMetrics.QueryFigures figures = SearchMetrics.evaluate(scores, relevant);
    assertEquals(0.0, figures.top1());
    assertEquals(1.0, figures.recallAt10());
  }

  @Test
  void recallIsOverTenWhenMoreThanTenAreRelevant() {
    // 14 relevant at the top scores except two irrelevant ones at ranks 1 and 2
    double[] scores = new double[20];
    boolean[] relevant = new boolean[20];
    for (int i = 0; i < 20; i++) {
      scores[i] = 20 - i;
      relevant[i] = i >= 2 && i < 16;
    }
    SearchMetrics.QueryFigures figures = SearchMetrics.evaluate(scores, relevant);
    assertEquals(0.0, figures.top1());
    assertEquals(0.8, figures.recallAt10(), 1e-12);
    assertEquals(14, figures.relevant());
  }

  @Test
  void tiesKeepTheEarlierSegmentFirst() {
    double[] scores = {.5, .5};
    assertEquals(0.0, SearchMetrics.evaluate(scores, new boolean[] {false, true}).top1());
    assertEquals(1.0, SearchMetrics.evaluate(scores, new boolean[] {true, false}).top1());
  }

  @Test
  void aQueryWithoutRelevantSegmentsOrMismatchedArraysIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SearchMetrics.evaluate(new double[] {1, 2}, new boolean[] {false, false}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SearchMetrics.evaluate(new double[] {1, 2}, new boolean[] {true}));
  }

  @Test
  void relevanceNeedsHalfTheSegmentInsideTheMoment() {
    assertTrue(SearchMetrics.overlapsByHalf(0, 2000, 0, 2000));
    assertTrue(SearchMetrics.overlapsByHalf(1000, 3000, 0, 2000)); // exactly half
    assertFalse(SearchMetrics.overlapsByHalf(1001, 3000, 0, 2000));
    assertFalse(SearchMetrics.overlapsByHalf(2000, 4000, 0, 2000)); // touching only
    assertTrue(SearchMetrics.overlapsByHalf(0, 500, 0, 2000)); // a short tail segment
  }
}
