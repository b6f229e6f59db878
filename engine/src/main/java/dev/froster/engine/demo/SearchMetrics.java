package dev.froster.engine.demo;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The two figures of one text query over a ranked catalogue: whether the best segment is relevant
 * (top-1), and the share of the relevant segments found among the first ten, out of at most ten
 * (recall@10, so that a query with three relevant segments can reach 1.0).
 */
public final class SearchMetrics {
  /** Depth of the recall figure. */
  public static final int RECALL_DEPTH = 10;

  private SearchMetrics() {}

  /**
   * The figures of one query.
   *
   * @param top1 1 when the highest-scoring segment is relevant, else 0
   * @param recallAt10 relevant segments among the ten best over min(10, relevant segments)
   * @param relevant how many segments are relevant
   */
  public record QueryFigures(double top1, double recallAt10, int relevant) {}

  /**
   * Ranks segments by {@code scores} (highest first; ties keep the lower index first, so the result
   * never depends on sort stability) and scores the ranking against {@code relevant}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or nothing is relevant
   */
  public static QueryFigures evaluate(double[] scores, boolean[] relevant) {
    if (scores.length != relevant.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + relevant.length + " relevance flags");
    }
    int relevantCount = 0;
    for (boolean r : relevant) {
      relevantCount += r ? 1 : 0;
    }
    if (relevantCount == 0) {
      throw new IllegalArgumentException("a query needs at least one relevant segment");
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(Integer::intValue));
    int depth = Math.min(RECALL_DEPTH, order.length);
    int found = 0;
    for (int rank = 0; rank < depth; rank++) {
      found += relevant[order[rank]] ? 1 : 0;
    }
    double top1 = relevant[order[0]] ? 1 : 0;
    return new QueryFigures(
        top1, (double) found / Math.min(RECALL_DEPTH, relevantCount), relevantCount);
  }

  /**
   * Whether a segment {@code [start, end)} is relevant to a moment {@code [momentStart,
   * momentEnd)}: they overlap by at least half of the segment.
   */
  public static boolean overlapsByHalf(long start, long end, long momentStart, long momentEnd) {
    long overlap = Math.min(end, momentEnd) - Math.max(start, momentStart);
    return overlap > 0 && 2 * overlap >= end - start;
  }
}
