package dev.froster.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.application.InvalidSearchException;
import dev.froster.application.SearchFilters;
import dev.froster.application.SearchPaging;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

  @Test
  void everyFilterIsReadInItsDocumentedForm() {
    SearchParameters parameters =
        read(
            "q", "a dog jumps",
            "collection", "news",
            "ingestedFrom", "2026-03-01",
            "ingestedTo", "2026-03-02T10:00:00+01:00",
            "minDuration", "1.5",
            "maxDuration", "60",
            "tag", "diving",
            "minScore", "-0.25",
            "limit", "7",
            "exact", "true",
            "group", "asset");

    SearchFilters filters = parameters.filters();
    assertEquals("news", filters.collection());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), filters.ingestedFrom());
    assertEquals(Instant.parse("2026-03-02T09:00:00Z"), filters.ingestedTo());
    assertEquals(1.5, filters.minDurationSeconds());
    assertEquals(60.0, filters.maxDurationSeconds());
    assertEquals("diving", filters.tag());
    assertEquals(-0.25, filters.minScore());
    SearchPaging paging = parameters.paging();
    assertEquals(7, paging.limit());
    assertTrue(paging.exact());
    assertTrue(parameters.groupByAsset());
    assertEquals("a dog jumps", parameters.query().text());
  }

  @Test
  void defaultsAreTwentyApproximateUngroupedAndADateIngestedToIncludesItsDay() {
    SearchParameters parameters = read("q", "run", "ingestedTo", "2026-03-01");
    assertEquals(SearchPaging.DEFAULT_LIMIT, parameters.paging().limit());
    assertFalse(parameters.paging().exact());
    assertNull(parameters.paging().cursor());
    assertFalse(parameters.groupByAsset());
    assertEquals(Instant.parse("2026-03-02T00:00:00Z"), parameters.filters().ingestedTo());
  }

  @Test
  void unknownAndRepeatedParametersAreRefusedNamingThem() {
    assertEquals("colection", refused(() -> read("q", "run", "colection", "news")));
    Map<String, List<String>> twice = new HashMap<>();
    twice.put("q", List.of("run", "jump"));
    assertEquals(
        "q",
        assertThrows(InvalidSearchException.class, () -> SearchParameters.read(twice, Set.of("q")))
            .parameter());
    assertEquals("segment", refused(() -> read("q", "run", "segment", "3")));
  }

  @Test
  void malformedValuesAreRefusedNamingTheParameter() {
    assertEquals("ingestedFrom", refused(() -> read("ingestedFrom", "yesterday").filters()));
    assertEquals("ingestedTo", refused(() -> read("ingestedTo", "2026-03-01T10:00").filters()));
    assertEquals("minDuration", refused(() -> read("minDuration", "ten").filters()));
    assertEquals("maxDuration", refused(() -> read("maxDuration", "NaN").filters()));
    assertEquals("minScore", refused(() -> read("minScore", "1.01").filters()));
    assertEquals("limit", refused(() -> read("limit", "0").paging()));
    assertEquals("limit", refused(() -> read("limit", "101").paging()));
    assertEquals("limit", refused(() -> read("limit", "many").paging()));
    assertEquals("exact", refused(() -> read("exact", "yes").paging()));
    assertEquals("cursor", refused(() -> read("cursor", " ").paging()));
    assertEquals("group", refused(() -> read("group", "collection").groupByAsset()));
    assertEquals("q", refused(() -> read("limit", "3").query()));
    assertEquals("q", refused(() -> read("q", " ").query()));
  }

  @Test
  void datesOutsideTheYearsOneTo9999AreRefusedSayingSo() {
    for (String date :
        List.of(
            "0000-01-01",
            "0000-12-31T23:59:59Z",
            "0001-01-01T00:30:00+01:00",
            "+10000-01-01T00:00:00Z",
            "9999-12-31T23:00:00-05:00")) {
      InvalidSearchException from =
          assertThrows(
              InvalidSearchException.class, () -> read("ingestedFrom", date).filters(), date);
      assertEquals("ingestedFrom", from.parameter());
      assertEquals(
          "must lie in the years 1 to 9999 (UTC), was '" + date + "'", from.reason(), date);
      assertEquals("ingestedTo", refused(() -> read("ingestedTo", date).filters()), date);
    }
  }

  @Test
  void theFirstAndLastDaysAreAcceptedAndTheLastDayAsIngestedToDoesNotReachYear10000() {
    SearchFilters widest =
        read("ingestedFrom", "0001-01-01", "ingestedTo", "9999-12-31T23:59:59Z").filters();
    assertEquals(Instant.parse("0001-01-01T00:00:00Z"), widest.ingestedFrom());
    assertEquals(Instant.parse("9999-12-31T23:59:59Z"), widest.ingestedTo());
    assertEquals(
        Instant.parse("0001-01-02T00:00:00Z"),
        read("ingestedTo", "0001-01-01").filters().ingestedTo());
    // Nothing is ingested after the last day, so including it whole bounds nothing.
    SearchFilters lastDay =
        read("ingestedFrom", "9999-12-31", "ingestedTo", "9999-12-31").filters();
    assertEquals(Instant.parse("9999-12-31T00:00:00Z"), lastDay.ingestedFrom());
    assertNull(lastDay.ingestedTo());
  }

  @Test
  void controlCharactersAndInvalidUtf8AreRefusedInTheQueryCollectionAndTag() {
    assertEquals("collection", refused(() -> read("collection", "a\u0000b").filters()));
    assertEquals("tag", refused(() -> read("tag", "div\u0007ing").filters()));
    assertEquals("collection", refused(() -> read("collection", "\ufffd\ufffd").filters()));
    assertEquals("tag", refused(() -> read("tag", "\ufffd").filters()));
    assertEquals("q", refused(() -> read("q", "\ufffd\ufffd").query()));
  }

  private static SearchParameters read(String... pairs) {
    Map<String, List<String>> query = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.put(pairs[i], List.of(pairs[i + 1]));
    }
    return SearchParameters.read(query, Set.of("q"));
  }

  private static String refused(Runnable request) {
    return assertThrows(InvalidSearchException.class, request::run).parameter();
  }
}
