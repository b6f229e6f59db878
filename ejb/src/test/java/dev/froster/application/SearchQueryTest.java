package dev.froster.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void whiteSpaceIsCollapsedForTheCache() {
    assertEquals("a dog jumps", new SearchQuery("  a  dog\tjumps \n").normalised());
  }

  @Test
  void emptyBlankHugeAndBinaryTextsAreRefusedNamingQ() {
    String[] refused = {
      "",
      "   ",
      "x".repeat(SearchQuery.MAX_LENGTH + 1),
      "run\u0000",
      "jump\u001b[2J",
      "a\u200bb",
      "\ud800 lonely surrogate",
      "private \ue000",
      "\ufffd\ufffd",
      "run \ufffd"
    };
    for (String text : refused) {
      InvalidSearchException e =
          assertThrows(InvalidSearchException.class, () -> new SearchQuery(text), text);
      assertEquals("q", e.parameter());
    }
    assertThrows(InvalidSearchException.class, () -> new SearchQuery(null));
  }

  @Test
  void invalidUtf8SaysSoAndControlCharactersSayWhichAndWhere() {
    assertEquals(
        "q: the query text is not valid UTF-8 text (replacement character U+FFFD at position 4)",
        assertThrows(InvalidSearchException.class, () -> new SearchQuery("jump\ufffd"))
            .getMessage());
    assertEquals(
        "q: the query text contains the control or binary character U+0000 at position 3",
        assertThrows(InvalidSearchException.class, () -> new SearchQuery("run\u0000away"))
            .getMessage());
  }

  @Test
  void ordinaryTextsIncludingAccentsAndEmojiAreAccepted() {
    for (String text :
        new String[] {"x".repeat(SearchQuery.MAX_LENGTH), "café au lait", "ski 🎿 jump", "跳水"}) {
      assertEquals(text, new SearchQuery(text).text());
    }
  }

  @Test
  void filtersRefuseOutOfRangeValuesNamingTheParameter() {
    assertEquals(
        "minScore",
        assertThrows(
                InvalidSearchException.class,
                () -> new SearchFilters(null, null, null, null, null, null, 1.5))
            .parameter());
    assertEquals(
        "minDuration",
        assertThrows(
                InvalidSearchException.class,
                () -> new SearchFilters(null, null, null, -1.0, null, null, null))
            .parameter());
    assertEquals(
        "minDuration",
        assertThrows(
                InvalidSearchException.class,
                () -> new SearchFilters(null, null, null, 10.0, 5.0, null, null))
            .parameter());
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    assertEquals(
        "ingestedFrom",
        assertThrows(
                InvalidSearchException.class,
                () -> new SearchFilters(null, now, now, null, null, null, null))
            .parameter());
    assertEquals(
        "limit",
        assertThrows(InvalidSearchException.class, () -> new SearchPaging(101, null, false))
            .parameter());
    assertThrows(InvalidSearchException.class, () -> new SearchPaging(0, null, false));
  }

  @Test
  void filtersWithDifferentValuesHaveDifferentCanonicalForms() {
    SearchFilters a = new SearchFilters("news", null, null, null, null, null, null);
    SearchFilters b = new SearchFilters("sport", null, null, null, null, null, null);
    assertTrue(!a.canonical().equals(b.canonical()));
    assertEquals(
        a.canonical(), new SearchFilters("news", null, null, null, null, null, null).canonical());
  }
}
