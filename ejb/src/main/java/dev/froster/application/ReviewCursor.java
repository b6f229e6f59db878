package dev.froster.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the previous page of the review queue ended: the sort key and id of its last item, so the
 * next page starts after it even while items are decided in between (keyset pagination). Opaque to
 * clients: base64url of {@code order:key:tagId}.
 */
public record ReviewCursor(ReviewOrder order, long createdMicros, float confidence, long tagId) {

  public static ReviewCursor after(ReviewOrder order, ReviewItem last) {
    long micros =
        Math.addExact(
            Math.multiplyExact(last.createdAt().getEpochSecond(), 1_000_000L),
            last.createdAt().getNano() / 1000);
    float confidence = last.confidence() == null ? 0f : last.confidence();
    return new ReviewCursor(order, micros, confidence, last.id().value());
  }

  public String encode() {
    String key =
        order == ReviewOrder.OLDEST ? Long.toString(createdMicros) : Float.toString(confidence);
    String plain = order.word() + ":" + key + ":" + tagId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws IllegalArgumentException when the text is not a cursor this queue gave out for {@code
   *     order}
   */
  public static ReviewCursor decode(String text, ReviewOrder order) {
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      throw malformed(text);
    }
    String[] parts = plain.split(":", -1);
    if (parts.length != 3) {
      throw malformed(text);
    }
    if (!parts[0].equals(order.word())) {
      throw new IllegalArgumentException(
          "cursor was given out for sort=" + parts[0] + ", not sort=" + order.word());
    }
    try {
      long tagId = Long.parseLong(parts[2]);
      if (tagId <= 0) {
        throw malformed(text);
      }
      if (order == ReviewOrder.OLDEST) {
        return new ReviewCursor(order, Long.parseLong(parts[1]), 0f, tagId);
      }
      float confidence = Float.parseFloat(parts[1]);
      if (!(confidence >= 0f && confidence <= 1f)) {
        throw malformed(text);
      }
      return new ReviewCursor(order, 0L, confidence, tagId);
    } catch (NumberFormatException notNumbers) {
      throw malformed(text);
    }
  }

  private static IllegalArgumentException malformed(String text) {
    return new IllegalArgumentException(
        "cursor '" + text + "' is malformed: pass the nextCursor of the previous page unchanged");
  }
}
