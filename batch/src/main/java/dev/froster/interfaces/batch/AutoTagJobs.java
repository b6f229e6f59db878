package dev.froster.interfaces.batch;

import dev.froster.application.ModelRegistry;
import dev.froster.application.StateConflictException;
import dev.froster.application.VocabularyService;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.vocabulary.VocabularyId;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts {@code auto-tag} and finds its latest execution. Runs as {@code batchAdmin}, like {@link
 * BatchJobs}.
 *
 * <p>Job parameters, resolved here so that a restart runs with the same ones: {@code modelVersion}
 * (the active version when the job starts), {@code vocabulary} (one vocabulary's id; empty: every
 * active vocabulary) and {@code chunkSize} (segments per transaction, default {@code
 * froster.tag.chunk-size}, 32).
 */
@Stateless
@RunAs("batchAdmin")
public class AutoTagJobs {

  public static final String AUTO_TAG = "auto-tag";

  private static final Logger LOG = Logger.getLogger(AutoTagJobs.class.getName());

  @EJB private ModelRegistry registry;
  @EJB private VocabularyService vocabularies;

  @Inject
  @ConfigProperty(name = "froster.tag.chunk-size", defaultValue = "32")
  private int defaultChunkSize;

  /** What a caller may choose; null means the default. */
  public record Request(Long vocabularyId, Integer chunkSize) {}

  /**
   * Starts the job with the active model version.
   *
   * @throws StateConflictException when no model version is active
   * @throws dev.froster.application.UnknownEntityException when the vocabulary does not exist
   * @throws IllegalArgumentException naming a parameter that is not allowed
   */
  public long start(Request request) {
    ModelVersion version =
        registry
            .active()
            .orElseThrow(
                () ->
                    new StateConflictException(
                        "no model version is active: activate one before tagging"));
    Properties parameters = new Properties();
    parameters.setProperty("modelVersion", Long.toString(version.id().value()));
    String vocabulary = "";
    if (request.vocabularyId() != null) {
      vocabularies.find(new VocabularyId(request.vocabularyId()));
      vocabulary = Long.toString(request.vocabularyId());
    }
    parameters.setProperty("vocabulary", vocabulary);
    int chunkSize = request.chunkSize() != null ? request.chunkSize() : defaultChunkSize;
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be positive, was " + chunkSize);
    }
    parameters.setProperty("chunkSize", Integer.toString(chunkSize));
    long executionId = operator().start(AUTO_TAG, parameters);
    LOG.info("Started " + AUTO_TAG + " " + parameters + ", execution " + executionId);
    return executionId;
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
