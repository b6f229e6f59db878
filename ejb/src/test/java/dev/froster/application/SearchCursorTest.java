package dev.froster.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

  private static final byte[] KEY = "a key of the server".getBytes(StandardCharsets.UTF_8);

  @Test
  void aCursorReadsBackItsPositionForTheSameQuery() {
    SearchCursor cursor = new SearchCursor(0.123456789012345, 4711);
    String token = cursor.encode(KEY, "text:run|filters|7|false");

    assertEquals(cursor, SearchCursor.decode(KEY, token, "text:run|filters|7|false"));
    assertTrue(token.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + token);
  }

  @Test
  void aCursorOfAnotherQueryIsRefusedNamingTheQuery() {
    String token = new SearchCursor(0.5, 3).encode(KEY, "text:run|none|7|false");

    for (String other :
        new String[] {"text:jump|none|7|false", "text:run|x|7|false", "text:run|none|8|false"}) {
      InvalidSearchException refused =
          assertThrows(InvalidSearchException.class, () -> SearchCursor.decode(KEY, token, other));
      assertEquals("cursor", refused.parameter());
      assertTrue(refused.getMessage().contains("another query"), refused.getMessage());
    }
  }

  @Test
  void everyAlteredByteIsDetected() {
    String token = new SearchCursor(0.25, 99).encode(KEY, "q");
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int i = 0; i < bytes.length; i++) {
      byte[] altered = bytes.clone();
      altered[i] ^= 0x01;
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
      InvalidSearchException refused =
          assertThrows(InvalidSearchException.class, () -> SearchCursor.decode(KEY, forged, "q"));
      assertEquals("cursor", refused.parameter());
    }
  }

  @Test
  void aCursorSignedWithAnotherKeyIsRefused() {
    String token = new SearchCursor(0.25, 99).encode("other".getBytes(StandardCharsets.UTF_8), "q");
    assertThrows(InvalidSearchException.class, () -> SearchCursor.decode(KEY, token, "q"));
  }

  @Test
  void garbageIsMalformed() {
    for (String garbage : new String[] {"%%%", "abc", "", "AAAA", "x".repeat(200)}) {
      InvalidSearchException refused =
          assertThrows(InvalidSearchException.class, () -> SearchCursor.decode(KEY, garbage, "q"));
      assertTrue(refused.getMessage().contains("malformed"), refused.getMessage());
    }
  }
}
