package dev.froster.application;

import java.time.Instant;

/**
 * What a moment must satisfy besides being near the query; every field is optional (null).
 *
 * @param collection the asset's collection, exactly
 * @param ingestedFrom the asset was ingested at or after this instant
 * @param ingestedTo the asset was ingested before this instant
 * @param minDurationSeconds the asset (its probed duration) lasts at least this long
 * @param maxDurationSeconds the asset lasts at most this long
 * @param tag the segment or its asset has an accepted tag whose term has this label (any case) or,
 *     when it is a number, this term id
 * @param minScore only moments whose score (cosine similarity) is at least this, in [-1, 1]
 */
public record SearchFilters(
    String collection,
    Instant ingestedFrom,
    Instant ingestedTo,
    Double minDurationSeconds,
    Double maxDurationSeconds,
    String tag,
    Double minScore) {

  public static final SearchFilters NONE =
      new SearchFilters(null, null, null, null, null, null, null);

  public SearchFilters {
    if (minScore != null && !(minScore >= -1 && minScore <= 1)) {
      throw new InvalidSearchException("minScore", "must lie in [-1, 1], was " + minScore);
    }
    requireDuration("minDuration", minDurationSeconds);
    requireDuration("maxDuration", maxDurationSeconds);
    if (minDurationSeconds != null
        && maxDurationSeconds != null
        && minDurationSeconds > maxDurationSeconds) {
      throw new InvalidSearchException(
          "minDuration",
          "is " + minDurationSeconds + " s, more than maxDuration " + maxDurationSeconds + " s");
    }
    if (ingestedFrom != null && ingestedTo != null && !ingestedFrom.isBefore(ingestedTo)) {
      throw new InvalidSearchException(
          "ingestedFrom", "is " + ingestedFrom + ", not before ingestedTo " + ingestedTo);
    }
    if (collection != null && collection.isBlank()) {
      throw new InvalidSearchException("collection", "is blank");
    }
    if (tag != null && tag.isBlank()) {
      throw new InvalidSearchException("tag", "is blank");
    }
  }

  /** A stable text of every filter, part of what a cursor is bound to. */
  public String canonical() {
    return String.join(
        "|",
        String.valueOf(collection),
        String.valueOf(ingestedFrom),
        String.valueOf(ingestedTo),
        String.valueOf(minDurationSeconds),
        String.valueOf(maxDurationSeconds),
        String.valueOf(tag),
        String.valueOf(minScore));
  }

  private static void requireDuration(String parameter, Double seconds) {
    if (seconds != null && !(seconds >= 0 && Double.isFinite(seconds))) {
      throw new InvalidSearchException(
          parameter, "must be a non-negative number of seconds, was " + seconds);
    }
  }
}
