package dev.froster.interfaces.batch;

import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.application.EmbeddingProgress;
import dev.froster.application.ModelRegistry;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts {@code embed-catalog}, finds its latest execution, and reads an embed job's progress from
 * the database. Runs as {@code batchAdmin}, like {@link BatchJobs}.
 *
 * <p>Job parameters, all resolved here so that a restart runs with exactly the same ones: {@code
 * modelVersion} (default: the active version), {@code partitions} (default {@code
 * froster.embed.partitions}, 2), {@code assets} (comma-separated ids; empty: the whole catalogue),
 * {@code chunkSize} (items per transaction, default {@code froster.embed.chunk-size}, 4) and {@code
 * segmentsPerItem} (segments per decode, default {@code froster.embed.segments-per-item}, 4: the
 * decoded frames of an item, segments × 8 full-size frames, are held in memory at once).
 */
@Stateless
@RunAs("batchAdmin")
public class EmbedCatalogJobs {

  public static final String EMBED_CATALOG = "embed-catalog";

  private static final Logger LOG = Logger.getLogger(EmbedCatalogJobs.class.getName());

  @EJB private ModelRegistry registry;
  @EJB private CatalogueEmbeddingService catalogue;

  @Inject
  @ConfigProperty(name = "froster.embed.partitions", defaultValue = "2")
  private int defaultPartitions;

  @Inject
  @ConfigProperty(name = "froster.embed.chunk-size", defaultValue = "4")
  private int defaultChunkSize;

  @Inject
  @ConfigProperty(name = "froster.embed.segments-per-item", defaultValue = "4")
  private int defaultSegmentsPerItem;

  /** What a caller may choose; null means the default. */
  public record Request(
      Long modelVersion,
      Integer partitions,
      List<Long> assets,
      Integer chunkSize,
      Integer segmentsPerItem) {}

  /**
   * Starts the job.
   *
   * @throws IllegalArgumentException naming the parameter when a value is not allowed or no model
   *     version is active
   */
  public long start(Request request) {
    ModelVersion version =
        request.modelVersion() != null
            ? registry.find(new ModelVersionId(request.modelVersion()))
            : registry
                .active()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "modelVersion: no model version is active; activate one or name one"));
    Properties parameters = new Properties();
    parameters.setProperty("modelVersion", Long.toString(version.id().value()));
    parameters.setProperty(
        "partitions", positive("partitions", request.partitions(), defaultPartitions));
    parameters.setProperty(
        "chunkSize", positive("chunkSize", request.chunkSize(), defaultChunkSize));
    parameters.setProperty(
        "segmentsPerItem",
        positive("segmentsPerItem", request.segmentsPerItem(), defaultSegmentsPerItem));
    List<Long> assets = request.assets() == null ? List.of() : request.assets();
    for (Long asset : assets) {
      if (asset == null || asset <= 0) {
        throw new IllegalArgumentException("assets: every asset id must be positive, was " + asset);
      }
    }
    parameters.setProperty(
        "assets", assets.stream().map(String::valueOf).collect(Collectors.joining(",")));
    long executionId = operator().start(EMBED_CATALOG, parameters);
    LOG.info("Started " + EMBED_CATALOG + " " + parameters + ", execution " + executionId);
    return executionId;
  }

  /**
   * Done / total of an {@code embed-catalog} or {@code reembed} execution; empty for other jobs or
   * unknown ids.
   */
  public Optional<EmbeddingProgress> progress(long executionId) {
    try {
      JobExecution execution = operator().getJobExecution(executionId);
      // reembed's first step is embed-catalog's, with the same parameters
      if (!EMBED_CATALOG.equals(execution.getJobName())
          && !ReembedPromotion.REEMBED.equals(execution.getJobName())) {
        return Optional.empty();
      }
      Properties parameters = execution.getJobParameters();
      return Optional.of(
          catalogue.progress(
              new ModelVersionId(
                  JobParameters.positiveLong(
                      "modelVersion", parameters.getProperty("modelVersion"))),
              JobParameters.ids("assets", parameters.getProperty("assets"))));
    } catch (NoSuchJobExecutionException unknown) {
      return Optional.empty();
    }
  }

  private static String positive(String name, Integer requested, int fallback) {
    int value = requested != null ? requested : fallback;
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return Integer.toString(value);
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
