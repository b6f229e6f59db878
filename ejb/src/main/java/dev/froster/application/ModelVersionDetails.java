package dev.froster.application;

import dev.froster.domain.model.model.ModelVersion;
import java.time.Instant;
import java.util.Locale;

/**
 * A model version as the registry shows it, read inside the transaction (its parent and teacher are
 * lazy associations).
 *
 * @param kind base (imported CLIP) or trained
 * @param trainingConfigJson training settings and data summary, or the import's source
 * @param metricsJson evaluation figures (base / novel / HM, per-class accuracy) and curves
 */
public record ModelVersionDetails(
    long id,
    String name,
    String kind,
    String status,
    String bundlePath,
    int dimension,
    Long parentId,
    Long teacherId,
    String trainingConfigJson,
    String metricsJson,
    Instant createdAt,
    Instant activatedAt) {

  public static ModelVersionDetails of(ModelVersion version) {
    return new ModelVersionDetails(
        version.id().value(),
        version.name(),
        version.kind().name().toLowerCase(Locale.ROOT),
        version.status().name().toLowerCase(Locale.ROOT),
        version.bundlePath(),
        version.embedDim(),
        version.parent() == null ? null : version.parent().id().value(),
        version.teacher() == null ? null : version.teacher().id().value(),
        version.trainingConfigJson(),
        version.metricsJson(),
        version.createdAt(),
        version.activatedAt());
  }
}
