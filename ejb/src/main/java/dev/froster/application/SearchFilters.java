package dev.froster.application;

import java.time.Instant;

/**
 * What a moment must satisfy besides being near the query; every field is optional (null). The
 * collection and the tag are held to the query text's characters ({@link SearchText}), the ingest
 * instants to years 1..9999 UTC ({@link #dateInRange}).
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

  /** The first instant an ingest date filter may name: year 1 (UTC). */
  public static final Instant EARLIEST_DATE = Instant.parse("0001-01-01T00:00:00Z");

  /**
   * The end (exclusive) of the instants an ingest date filter may name: the start of year 10000
   * (UTC). Dates are held to years 1..9999, the years ISO-8601 writes with four digits and no sign
   * (PostgreSQL refuses year 0 and Java's text for a signed year); nothing is ingested outside
   * them.
   */
  public static final Instant END_OF_DATES = Instant.parse("+10000-01-01T00:00:00Z");

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
    requireDateInRange("ingestedFrom", ingestedFrom);
    requireDateInRange("ingestedTo", ingestedTo);
    if (ingestedFrom != null && ingestedTo != null && !ingestedFrom.isBefore(ingestedTo)) {
      throw new InvalidSearchException(
          "ingestedFrom", "is " + ingestedFrom + ", not before ingestedTo " + ingestedTo);
    }
    if (collection != null) {
      if (collection.isBlank()) {
        throw new InvalidSearchException("collection", "is blank");
      }
      SearchText.requireReadable("collection", "the collection", collection);
    }
    if (tag != null) {
      if (tag.isBlank()) {
        throw new InvalidSearchException("tag", "is blank");
      }
      SearchText.requireReadable("tag", "the tag", tag);
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

  /** Whether an ingest date filter may name this instant: years 1 to 9999, UTC. */
  public static boolean dateInRange(Instant instant) {
    return !instant.isBefore(EARLIEST_DATE) && instant.isBefore(END_OF_DATES);
  }

  private static void requireDateInRange(String parameter, Instant instant) {
    if (instant != null && !dateInRange(instant)) {
      throw new InvalidSearchException(
          parameter, "must lie in the years 1 to 9999 (UTC), was " + instant);
    }
  }

  private static void requireDuration(String parameter, Double seconds) {
    if (seconds != null && !(seconds >= 0 && Double.isFinite(seconds))) {
      throw new InvalidSearchException(
          parameter, "must be a non-negative number of seconds, was " + seconds);
    }
  }
}
