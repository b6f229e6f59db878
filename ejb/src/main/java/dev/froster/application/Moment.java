package dev.froster.application;

/**
 * One search result: a segment of an asset and how near it is to the query.
 *
 * @param distance cosine distance in [0, 2] to the query
 */
public record Moment(
    long assetId,
    String assetTitle,
    String collection,
    long segmentId,
    long startMs,
    long endMs,
    double distance) {

  /** Cosine similarity, {@code 1 - distance}, in [-1, 1]: what users see. */
  public double score() {
    return 1 - distance;
  }
}
