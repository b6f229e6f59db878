package dev.froster.application;

import dev.froster.domain.model.model.ModelVersionId;
import java.util.Optional;

/**
 * Switching search to another model version without a moment of broken search: the new version's
 * segment and term embeddings are built beside the active version's (the {@code reembed} job) while
 * search keeps answering from the active one; the switch itself is one transaction once they are
 * complete.
 */
public interface ModelPromotion {

  /**
   * Starts promoting a candidate: re-embedding runs in the background and the version becomes
   * active when it completes. Returns at once.
   *
   * @return the job execution id of the {@code reembed} job
   * @throws UnknownEntityException when the version does not exist
   * @throws StateConflictException when the version is not a candidate or a promotion is running
   */
  long promote(ModelVersionId candidate, String actor);

  /**
   * Makes the version that was active before the current one active again, in one transaction.
   *
   * @throws StateConflictException when there is no previous version whose embeddings are kept
   */
  ModelVersionId rollback(String actor);

  /** The latest promotion (running or ended), empty when none was ever started. */
  Optional<PromotionStatus> latest();
}
