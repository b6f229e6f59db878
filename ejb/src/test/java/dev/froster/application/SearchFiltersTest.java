package dev.froster.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchFiltersTest {

  @Test
  void collectionAndTagRefuseControlCharactersAsTheQueryTextDoes() {
    for (String text : new String[] {"a\u0000b", "news\u001b[2J", "a\u200bb", "\ud800x"}) {
      assertEquals("collection", refused(() -> withCollection(text)), text);
      assertEquals("tag", refused(() -> withTag(text)), text);
    }
    assertEquals(
        "collection: the collection contains the control or binary character U+0000 at position 1",
        assertThrows(InvalidSearchException.class, () -> withCollection("a\u0000b")).getMessage());
  }

  @Test
  void collectionAndTagRefuseTheReplacementCharacterOfInvalidUtf8() {
    assertEquals("collection", refused(() -> withCollection("\ufffd\ufffd")));
    assertEquals("tag", refused(() -> withTag("div\ufffdng")));
    assertEquals(
        "tag: the tag is not valid UTF-8 text (replacement character U+FFFD at position 3)",
        assertThrows(InvalidSearchException.class, () -> withTag("div\ufffdng")).getMessage());
  }

  @Test
  void collectionAndTagAcceptOrdinaryTextsAndBlankOnesStayRefused() {
    assertEquals("Nachrichten – Köln 🎥", withCollection("Nachrichten – Köln 🎥").collection());
    assertEquals("跳水", withTag("跳水").tag());
    assertEquals("collection", refused(() -> withCollection(" ")));
    assertEquals("tag", refused(() -> withTag("")));
  }

  @Test
  void ingestInstantsMustLieInTheYearsOneTo9999() {
    Instant first = Instant.parse("0001-01-01T00:00:00Z");
    Instant last = Instant.parse("9999-12-31T23:59:59.999999Z");
    SearchFilters widest = new SearchFilters(null, first, last, null, null, null, null);
    assertEquals(first, widest.ingestedFrom());
    assertEquals(last, widest.ingestedTo());

    Instant yearZero = Instant.parse("0000-12-31T23:59:59Z");
    Instant year10000 = Instant.parse("+10000-01-01T00:00:00Z");
    assertEquals(
        "ingestedFrom",
        refused(() -> new SearchFilters(null, yearZero, null, null, null, null, null)));
    assertEquals(
        "ingestedTo",
        refused(() -> new SearchFilters(null, null, year10000, null, null, null, null)));
    assertEquals(
        "ingestedTo: must lie in the years 1 to 9999 (UTC), was +10000-01-01T00:00:00Z",
        assertThrows(
                InvalidSearchException.class,
                () -> new SearchFilters(null, first, year10000, null, null, null, null))
            .getMessage());
  }

  private static SearchFilters withCollection(String collection) {
    return new SearchFilters(collection, null, null, null, null, null, null);
  }

  private static SearchFilters withTag(String tag) {
    return new SearchFilters(null, null, null, null, null, tag, null);
  }

  private static String refused(Runnable filters) {
    return assertThrows(InvalidSearchException.class, filters::run).parameter();
  }
}
