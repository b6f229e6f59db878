package dev.froster.interfaces.rest;

import dev.froster.application.InvalidSearchException;
import dev.froster.application.SearchFilters;
import dev.froster.application.SearchPaging;
import dev.froster.application.SearchQuery;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query string of a search, read strictly: every parameter at most once, no parameter the
 * endpoint does not know (a misspelt filter would otherwise silently widen the search), every value
 * in its documented form. Each refusal names the parameter.
 *
 * <p>Dates ({@code ingestedFrom}, {@code ingestedTo}) are ISO-8601 instants with an offset ({@code
 * 2026-03-01T08:00:00Z}, {@code 2026-03-01T09:00:00+01:00}) or dates ({@code 2026-03-01}, read in
 * UTC; {@code ingestedTo} as a date includes that whole day), in the years 1 to 9999 (UTC).
 * Durations are seconds.
 */
final class SearchParameters {

  /** Filters and paging every search endpoint takes. */
  static final Set<String> COMMON =
      Set.of(
          "collection",
          "ingestedFrom",
          "ingestedTo",
          "minDuration",
          "maxDuration",
          "tag",
          "minScore",
          "limit",
          "cursor",
          "group",
          "exact");

  private final Map<String, List<String>> given;

  private SearchParameters(Map<String, List<String>> given) {
    this.given = given;
  }

  /**
   * @param extra the parameters of this endpoint besides {@link #COMMON} (e.g. {@code q})
   * @throws InvalidSearchException for an unknown or repeated parameter
   */
  static SearchParameters read(Map<String, List<String>> query, Set<String> extra) {
    Set<String> unknown = new TreeSet<>(query.keySet());
    unknown.removeAll(COMMON);
    unknown.removeAll(extra);
    if (!unknown.isEmpty()) {
      String known = new TreeSet<>(union(extra)).toString();
      throw new InvalidSearchException(
          unknown.iterator().next(),
          "unknown filter" + (unknown.size() > 1 ? "s " + unknown : "") + "; known: " + known);
    }
    query.forEach(
        (name, values) -> {
          if (values.size() > 1) {
            throw new InvalidSearchException(name, "is given " + values.size() + " times");
          }
        });
    return new SearchParameters(query);
  }

  SearchQuery query() {
    String text = text("q");
    if (text == null) {
      throw new InvalidSearchException("q", "the query text is missing");
    }
    return new SearchQuery(text);
  }

  long segment() {
    String value = text("segment");
    if (value == null) {
      throw new InvalidSearchException("segment", "is missing");
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id < 1) {
        throw new InvalidSearchException("segment", "must be a positive segment id, was " + value);
      }
      return id;
    } catch (NumberFormatException e) {
      throw new InvalidSearchException("segment", "must be a segment id, was '" + value + "'");
    }
  }

  SearchFilters filters() {
    return new SearchFilters(
        text("collection"),
        instant("ingestedFrom", false),
        instant("ingestedTo", true),
        number("minDuration"),
        number("maxDuration"),
        text("tag"),
        number("minScore"));
  }

  SearchPaging paging() {
    String limit = text("limit");
    int rows = SearchPaging.DEFAULT_LIMIT;
    if (limit != null) {
      try {
        rows = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw new InvalidSearchException(
            "limit",
            "must be a whole number between 1 and "
                + SearchPaging.MAX_LIMIT
                + ", was '"
                + limit
                + "'");
      }
    }
    String cursor = text("cursor");
    if (cursor != null && cursor.isBlank()) {
      throw new InvalidSearchException("cursor", "is empty");
    }
    return new SearchPaging(rows, cursor, flag("exact"));
  }

  /** Whether {@code group=asset} was asked for ({@code group=none} is the default). */
  boolean groupByAsset() {
    String group = text("group");
    if (group == null || group.equals("none")) {
      return false;
    }
    if (group.equals("asset")) {
      return true;
    }
    throw new InvalidSearchException("group", "must be asset or none, was '" + group + "'");
  }

  private String text(String name) {
    List<String> values = given.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private boolean flag(String name) {
    String value = text(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new InvalidSearchException(name, "must be true or false, was '" + value + "'");
  }

  private Double number(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      double number = Double.parseDouble(value.strip());
      if (!Double.isFinite(number)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new InvalidSearchException(name, "must be a number, was '" + value + "'");
    }
  }

  private Instant instant(String name, boolean endOfDay) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    boolean date = trimmed.length() == 10;
    Instant instant;
    try {
      instant =
          date
              ? LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC)
              : OffsetDateTime.parse(trimmed).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidSearchException(
          name,
          "must be an ISO-8601 date (2026-03-01) or instant with offset (2026-03-01T08:00:00Z),"
              + " was '"
              + value
              + "'");
    }
    if (!SearchFilters.dateInRange(instant)) {
      throw new InvalidSearchException(
          name, "must lie in the years 1 to 9999 (UTC), was '" + value + "'");
    }
    if (date && endOfDay) {
      // The exclusive bound is the next day's start; after 9999-12-31 that is year 10000, outside
      // the range, and as nothing is ingested after the range the bound is simply left out.
      Instant nextDay = instant.plus(1, ChronoUnit.DAYS);
      return SearchFilters.dateInRange(nextDay) ? nextDay : null;
    }
    return instant;
  }

  private static Set<String> union(Set<String> extra) {
    Set<String> all = new TreeSet<>(COMMON);
    all.addAll(extra);
    return all;
  }
}
