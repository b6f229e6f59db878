package dev.froster.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.application.InvalidSearchException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchResourceTest {

  @Test
  void aClipUploadIsExactlyOnePartNamedClip() {
    SearchResource.requireOnlyOneClip(List.of("clip"));
  }

  @Test
  void aFilterSentAsAFormFieldIsRefusedNamingThePartAndPointingToTheQueryString() {
    InvalidSearchException refused =
        assertThrows(
            InvalidSearchException.class,
            () -> SearchResource.requireOnlyOneClip(List.of("clip", "collection")));
    assertEquals("collection", refused.parameter());
    assertTrue(refused.reason().contains("query string"), refused.getMessage());
    assertEquals("limit", refusedPart("limit", "clip"));
  }

  @Test
  void aMissingRepeatedOrUnnamedClipIsRefusedNamingClip() {
    assertEquals("clip", refusedPart());
    assertEquals("clip", refusedPart("clip", "clip"));
    assertEquals("clip", refusedPart("clip", ""));
    assertEquals("clip", refusedPart((String) null));
  }

  private static String refusedPart(String... names) {
    return assertThrows(
            InvalidSearchException.class,
            () -> SearchResource.requireOnlyOneClip(Arrays.asList(names)))
        .parameter();
  }
}
