package dev.froster.domain.model.asset;

import java.util.Map;

/**
 * What a person tells about an asset when it is registered: all optional; {@code metadata} holds
 * free key/value pairs (e.g. the extra columns of a manifest).
 */
public record AssetDescription(
    String title, String collection, String externalId, Map<String, String> metadata) {

  public AssetDescription {
    title = blankToNull(title);
    collection = blankToNull(collection);
    externalId = blankToNull(externalId);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public static AssetDescription none() {
    return new AssetDescription(null, null, null, Map.of());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
