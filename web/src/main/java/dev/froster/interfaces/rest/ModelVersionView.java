package dev.froster.interfaces.rest;

import dev.froster.domain.model.model.ModelVersion;
import java.time.Instant;
import java.util.Locale;

/** A model version as the REST API shows it. */
public record ModelVersionView(
    long id,
    String name,
    String bundlePath,
    int dimension,
    String status,
    Instant activatedAt,
    Instant retiredAt,
    Instant embeddingsPurgedAt) {

  static ModelVersionView of(ModelVersion version) {
    return new ModelVersionView(
        version.id().value(),
        version.name(),
        version.bundlePath(),
        version.embedDim(),
        version.status().name().toLowerCase(Locale.ROOT),
        version.activatedAt(),
        version.retiredAt(),
        version.embeddingsPurgedAt());
  }
}
