package dev.froster.application;

import dev.froster.domain.model.model.EmbeddingCoverage;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;

/**
 * The transactions of a promotion and of a rollback. The {@code reembed} job embeds the target's
 * segments, then calls {@link #prepare} and {@link #switchTo}; {@link ModelPromotion#rollback}
 * calls {@link #rollback}.
 */
public interface ModelSwitch {

  /**
   * Builds what the version needs besides its segment embeddings: its term embeddings for every
   * vocabulary and its HNSW index (both kept when they exist already).
   *
   * @throws UnknownEntityException when the version does not exist
   */
  EmbeddingCoverage prepare(ModelVersionId target);

  /** The version's coverage of what the active version serves. */
  EmbeddingCoverage coverage(ModelVersionId target);

  /**
   * In one transaction: the active version is retired, the target becomes active (nothing happens
   * when it is active already), audited.
   *
   * @throws IncompleteEmbeddingsException when the target's embeddings are not complete
   * @throws StateConflictException when the target is not a candidate
   */
  ModelVersion switchTo(ModelVersionId target, String actor);

  /**
   * In one transaction: the most recently retired version becomes active again and the active one
   * is retired, audited.
   *
   * @throws StateConflictException when there is no retired version, or the most recently retired
   *     one's embeddings were purged
   */
  ModelVersion rollback(String actor);
}
