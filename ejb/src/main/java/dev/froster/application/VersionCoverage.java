package dev.froster.application;

/**
 * How much of the catalogue one model version has embedded: segments with its embedding ({@code
 * embedded}) of all segments of assets that have not failed ({@code catalogueSegments}), the rule
 * of {@link EmbeddingProgress}.
 */
public record VersionCoverage(
    long versionId, String name, String status, long embedded, long catalogueSegments) {

  /** Percent of the catalogue's segments embedded, 0 for an empty catalogue. */
  public double percent() {
    return catalogueSegments == 0 ? 0 : 100.0 * embedded / catalogueSegments;
  }
}
