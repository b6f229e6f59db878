package dev.froster.application;

import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import java.util.List;

/**
 * Purges the embeddings (segment and term) and the HNSW index of retired versions: those retired
 * longer than {@code froster.models.retention} (ISO-8601 duration, default {@code P30D}) daily, any
 * retired one on an admin's request. The active version and the rollback target (the most recently
 * retired version) are never purged.
 */
public interface EmbeddingRetention {

  /**
   * Purges every version whose retention has run out, each in a transaction of its own.
   *
   * @return the versions purged
   */
  List<ModelVersionId> purgeDue();

  /** The versions whose retention has run out now (the daily purge's choice). */
  List<ModelVersionId> dueNow();

  /**
   * Purges one retired version's embeddings now.
   *
   * @throws UnknownEntityException when the version does not exist
   * @throws StateConflictException when it is active, the rollback target, not retired, or purged
   */
  ModelVersion purge(ModelVersionId version, String actor);
}
