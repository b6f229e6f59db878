package dev.froster.domain.model.asset;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of an asset's bytes, lower-case hex: the asset's identity (same bytes, one asset).
 */
public record ContentHash(String hex) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ContentHash {
    if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("a SHA-256 must be 64 lower-case hex digits, was " + hex);
    }
  }

  public static ContentHash of(byte[] digest) {
    return new ContentHash(HexFormat.of().formatHex(digest));
  }

  @Override
  public String toString() {
    return hex;
  }
}
