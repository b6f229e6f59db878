package dev.froster.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the next page starts: after the moment at ({@code distance}, {@code segmentId}) in the
 * order (distance, segment id) of the query the cursor was made for.
 *
 * <p>The token is base64url of: format byte, distance (8 bytes), segment id (8), the first 16 bytes
 * of SHA-256 of the query's fingerprint (query, filters, model version, mode), and the first 16
 * bytes of an HMAC-SHA256 over all of that with the server's cursor key. So a changed byte is
 * detected (the MAC), and a cursor reused with another query, other filters or after the active
 * model version changed is told apart (the fingerprint).
 */
public record SearchCursor(double distance, long segmentId) {

  private static final byte FORMAT = 1;
  private static final int HASH_BYTES = 16;
  private static final int BODY_BYTES = 1 + 8 + 8 + HASH_BYTES;
  private static final int TOKEN_BYTES = BODY_BYTES + HASH_BYTES;

  /** The opaque token for the query whose fingerprint is {@code fingerprint}. */
  public String encode(byte[] key, String fingerprint) {
    ByteBuffer body =
        ByteBuffer.allocate(TOKEN_BYTES)
            .put(FORMAT)
            .putDouble(distance)
            .putLong(segmentId)
            .put(hash(fingerprint));
    body.put(mac(key, Arrays.copyOf(body.array(), BODY_BYTES)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
  }

  /**
   * Reads a token made by {@link #encode} for the same fingerprint.
   *
   * @throws InvalidSearchException naming {@code cursor} when the token is not one of ours, was
   *     altered, or belongs to another query, other filters or another model version
   */
  public static SearchCursor decode(byte[] key, String token, String fingerprint) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidSearchException("cursor", "is malformed (not base64url)");
    }
    if (bytes.length != TOKEN_BYTES || bytes[0] != FORMAT) {
      throw new InvalidSearchException("cursor", "is malformed (not a search cursor)");
    }
    byte[] body = Arrays.copyOf(bytes, BODY_BYTES);
    byte[] givenMac = Arrays.copyOfRange(bytes, BODY_BYTES, TOKEN_BYTES);
    if (!MessageDigest.isEqual(givenMac, mac(key, body))) {
      throw new InvalidSearchException(
          "cursor", "is malformed or was altered (its signature does not match)");
    }
    ByteBuffer read = ByteBuffer.wrap(body, 1, BODY_BYTES - 1);
    double distance = read.getDouble();
    long segmentId = read.getLong();
    byte[] givenHash = new byte[HASH_BYTES];
    read.get(givenHash);
    if (!MessageDigest.isEqual(givenHash, hash(fingerprint))) {
      throw new InvalidSearchException(
          "cursor",
          "belongs to another query: the text, the filters, the mode or the active model version"
              + " differ from the search that made it");
    }
    if (!Double.isFinite(distance) || segmentId < 1) {
      throw new InvalidSearchException("cursor", "is malformed (impossible position)");
    }
    return new SearchCursor(distance, segmentId);
  }

  private static byte[] hash(String fingerprint) {
    try {
      return Arrays.copyOf(
          MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8)),
          HASH_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static byte[] mac(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Arrays.copyOf(mac.doFinal(body), HASH_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
