package dev.froster.interfaces.batch;

import jakarta.batch.runtime.BatchStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * What the pipeline does about embedding when the active model version lacks embeddings, given the
 * latest {@code embed-catalog} execution: an execution an admin stopped waits for an admin; a
 * failed one (a crash, a database outage, an unreadable bundle) is restarted, but not sooner than
 * {@code retryAfterFailure} after it ended, so that a failure that repeats costs one attempt per
 * interval rather than one per poll.
 */
record AutoEmbedPolicy(Duration retryAfterFailure) {

  enum Action {
    START_NEW,
    RESTART_LATEST,
    WAIT
  }

  AutoEmbedPolicy {
    if (retryAfterFailure.isNegative()) {
      throw new IllegalArgumentException(
          "retry interval must not be negative, was " + retryAfterFailure);
    }
  }

  /**
   * @param latest status of the latest execution, null when the job never ran
   * @param latestEnded when it ended, null when it has not (or the repository does not say)
   */
  Action decide(BatchStatus latest, Instant latestEnded, Instant now) {
    if (latest == null) {
      return Action.START_NEW;
    }
    return switch (latest) {
      case COMPLETED, ABANDONED -> Action.START_NEW;
      case FAILED ->
          latestEnded == null || !now.isBefore(latestEnded.plus(retryAfterFailure))
              ? Action.RESTART_LATEST
              : Action.WAIT;
      case STARTING, STARTED, STOPPING, STOPPED -> Action.WAIT;
    };
  }
}
