package dev.froster.application;

/**
 * A page of the review queue: optional filters (null = any), the order, where the previous page
 * ended (null = first page) and the page size.
 */
public record ReviewQueueQuery(
    Long vocabularyId,
    Float minConfidence,
    Float maxConfidence,
    Long assetId,
    ReviewOrder order,
    ReviewCursor after,
    int limit) {

  /** The largest page a client may ask for. */
  public static final int MAX_LIMIT = 200;

  public ReviewQueueQuery {
    requireUnit("minConfidence", minConfidence);
    requireUnit("maxConfidence", maxConfidence);
    if (minConfidence != null && maxConfidence != null && minConfidence > maxConfidence) {
      throw new IllegalArgumentException(
          "minConfidence " + minConfidence + " is above maxConfidence " + maxConfidence);
    }
    if (vocabularyId != null && vocabularyId <= 0) {
      throw new IllegalArgumentException("vocabulary must be a positive id, was " + vocabularyId);
    }
    if (assetId != null && assetId <= 0) {
      throw new IllegalArgumentException("asset must be a positive id, was " + assetId);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (order == null) {
      throw new IllegalArgumentException("sort is required");
    }
    if (after != null && after.order() != order) {
      throw new IllegalArgumentException("cursor belongs to another sort order");
    }
  }

  private static void requireUnit(String name, Float value) {
    if (value != null && !(value >= 0f && value <= 1f)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
  }
}
