package dev.froster.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ReviewCursorTest {

  @Test
  void roundTripsBothOrders() {
    ReviewCursor oldest = new ReviewCursor(ReviewOrder.OLDEST, 1_764_000_000_123_456L, 0f, 42);
    assertEquals(oldest, ReviewCursor.decode(oldest.encode(), ReviewOrder.OLDEST));
    ReviewCursor confident = new ReviewCursor(ReviewOrder.CONFIDENCE, 0L, 0.61234567f, 7);
    assertEquals(confident, ReviewCursor.decode(confident.encode(), ReviewOrder.CONFIDENCE));
  }

  @Test
  void aCursorOfTheOtherOrderIsRefused() {
    String cursor = new ReviewCursor(ReviewOrder.OLDEST, 5L, 0f, 42).encode();
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReviewCursor.decode(cursor, ReviewOrder.CONFIDENCE));
    assertTrue(refused.getMessage().contains("sort=oldest"), refused.getMessage());
  }

  @Test
  void malformedCursorsAreRefusedNamingTheCursor() {
    for (String bad :
        new String[] {
          "%%%",
          "",
          encode("oldest:5"),
          encode("oldest:x:1"),
          encode("oldest:5:-1"),
          encode("confidence:1.5:3"),
          encode("confidence:NaN:3")
        }) {
      ReviewOrder order =
          bad.equals(encode("confidence:1.5:3")) || bad.equals(encode("confidence:NaN:3"))
              ? ReviewOrder.CONFIDENCE
              : ReviewOrder.OLDEST;
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> ReviewCursor.decode(bad, order), bad);
      assertTrue(refused.getMessage().startsWith("cursor"), refused.getMessage());
    }
  }

  private static String encode(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }
}
