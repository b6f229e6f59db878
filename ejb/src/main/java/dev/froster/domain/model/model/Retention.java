package dev.froster.domain.model.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long a retired version's embeddings (segment and term) and HNSW index are kept. The rollback
 * target (the most recently retired version) keeps them whatever its age, and the active version is
 * never retired, so neither is ever purged.
 */
public record Retention(Duration keep) {

  public Retention {
    if (keep == null || keep.isNegative()) {
      throw new IllegalArgumentException("froster.models.retention must be a positive duration");
    }
  }

  /**
   * The retired versions whose embeddings are due for purging.
   *
   * @param retiredNewestFirst every retired version, most recently retired first
   */
  public List<ModelVersion> due(List<ModelVersion> retiredNewestFirst, Instant now) {
    List<ModelVersion> due = new ArrayList<>();
    Instant cutoff = now.minus(keep);
    for (int i = 1; i < retiredNewestFirst.size(); i++) {
      ModelVersion version = retiredNewestFirst.get(i);
      if (version.embeddingsPurgedAt() == null
          && version.retiredAt() != null
          && version.retiredAt().isBefore(cutoff)) {
        due.add(version);
      }
    }
    return due;
  }

  /**
   * Why the version's embeddings may not be purged now (an admin's request, before retention is
   * due), or empty when they may.
   */
  public static Optional<String> refusal(ModelVersion version, List<ModelVersion> retiredNewest) {
    if (version.status() != ModelVersionStatus.RETIRED) {
      return Optional.of(
          version.id()
              + " is "
              + version.status().name().toLowerCase(java.util.Locale.ROOT)
              + "; only a retired version's embeddings may be purged");
    }
    if (version.embeddingsPurgedAt() != null) {
      return Optional.of(
          version.id() + "'s embeddings were purged already at " + version.embeddingsPurgedAt());
    }
    // One persistence context holds one instance per row: identity is the version's identity.
    if (!retiredNewest.isEmpty() && retiredNewest.get(0) == version) {
      return Optional.of(
          version.id() + " is the rollback target (the most recently retired version)");
    }
    return Optional.empty();
  }
}
