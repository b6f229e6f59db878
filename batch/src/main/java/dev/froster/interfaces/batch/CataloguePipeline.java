package dev.froster.interfaces.batch;

import dev.froster.application.AssetIngestService;
import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.application.EmbeddingProgress;
import dev.froster.application.IngestProcessing;
import dev.froster.application.ModelRegistry;
import dev.froster.application.TaggingService;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.infrastructure.persistence.DatabaseSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves assets through the pipeline by themselves: every {@code froster.pipeline.poll-seconds}
 * (default 5; 0 switches the timer off, for tests that start jobs by hand) it registers the files
 * of the watched folder that have stopped changing, and starts {@code ingest-assets} when assets
 * wait in {@code registered} and no ingest execution is running, and {@code embed-catalog} when the
 * active model version lacks embeddings of segments and no embedding execution is running ({@code
 * froster.pipeline.auto-embed}, default true; the test server turns it off so that its tests drive
 * embedding executions one at a time). A failed embedding execution is restarted after {@code
 * froster.pipeline.retry-minutes} (default 10); one an admin stopped waits for an admin ({@link
 * AutoEmbedPolicy}). When no embedding execution is running and embedded segments of the active
 * version lack a scoring by an active vocabulary, it starts {@code auto-tag} ({@code
 * froster.pipeline.auto-tag}, default true), with the same policy for failed and stopped
 * executions.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CataloguePipeline {

  private static final Logger LOG = Logger.getLogger(CataloguePipeline.class.getName());

  @Resource private TimerService timerService;
  @EJB private DatabaseSchema schema;
  @EJB private BatchJobs jobs;
  @EJB private AssetIngestService assets;
  @EJB private IngestProcessing ingest;

  @Inject
  @ConfigProperty(name = "froster.pipeline.poll-seconds", defaultValue = "5")
  private long pollSeconds;

  @Inject
  @ConfigProperty(name = "froster.pipeline.auto-embed", defaultValue = "true")
  private boolean autoEmbed;

  @Inject
  @ConfigProperty(name = "froster.pipeline.retry-minutes", defaultValue = "10")
  private long retryMinutes;

  @Inject
  @ConfigProperty(name = "froster.pipeline.auto-tag", defaultValue = "true")
  private boolean autoTag;

  @EJB private ModelRegistry models;
  @EJB private CatalogueEmbeddingService embeddings;
  @EJB private EmbedCatalogJobs embedJobs;
  @EJB private TaggingService tagging;
  @EJB private AutoTagJobs tagJobs;

  private final AtomicBoolean polling = new AtomicBoolean();
  private volatile String lastProblem;

  @PostConstruct
  void start() {
    if (pollSeconds <= 0) {
      LOG.info(
          "Catalogue pipeline timer off (froster.pipeline.poll-seconds = " + pollSeconds + ")");
      return;
    }
    long interval = TimeUnit.SECONDS.toMillis(pollSeconds);
    timerService.createIntervalTimer(interval, interval, new TimerConfig(null, false));
  }

  @Timeout
  void poll() {
    // A slow poll (hashing a big new file) must not overlap the next one.
    if (!schema.state().ready() || !polling.compareAndSet(false, true)) {
      return;
    }
    try {
      int registered = assets.registerWatchedFiles();
      if (registered > 0) {
        LOG.info("Registered " + registered + " new file(s) from the watched folder");
      }
      if (ingest.anyRegistered() && !jobs.isRunning(BatchJobs.INGEST_ASSETS)) {
        jobs.startIngestAssets();
      }
      if (autoEmbed && !jobs.isRunning(EmbedCatalogJobs.EMBED_CATALOG)) {
        startEmbeddingIfBehind();
      }
      if (autoTag
          && !jobs.isRunning(EmbedCatalogJobs.EMBED_CATALOG)
          && !jobs.isRunning(AutoTagJobs.AUTO_TAG)) {
        startTaggingIfBehind();
      }
      lastProblem = null;
    } catch (RuntimeException problem) {
      String reason = DatabaseSchema.describe(problem);
      if (!reason.equals(lastProblem)) {
        LOG.warning("Catalogue pipeline poll failed, trying again at the next poll: " + reason);
        lastProblem = reason;
      }
    } finally {
      polling.set(false);
    }
  }

  private void startEmbeddingIfBehind() {
    Optional<ModelVersion> active =
        models
            .active()
            .filter(
                version -> {
                  EmbeddingProgress progress = embeddings.progress(version.id(), List.of());
                  return progress.done() < progress.total();
                });
    if (active.isEmpty()) {
      return;
    }
    Optional<BatchJobs.LatestExecution> latest =
        jobs.latestExecution(EmbedCatalogJobs.EMBED_CATALOG);
    AutoEmbedPolicy policy = new AutoEmbedPolicy(Duration.ofMinutes(retryMinutes));
    switch (policy.decide(
        latest.map(BatchJobs.LatestExecution::status).orElse(null),
        latest.map(BatchJobs.LatestExecution::ended).orElse(null),
        Instant.now())) {
      case START_NEW ->
          embedJobs.start(
              new EmbedCatalogJobs.Request(active.get().id().value(), null, null, null, null));
      case RESTART_LATEST -> {
        LOG.info(
            "Restarting failed "
                + EmbedCatalogJobs.EMBED_CATALOG
                + " execution "
                + latest.get().executionId());
        jobs.restart(latest.get().executionId());
      }
      case WAIT -> {
        // running, stopped by an admin, or failed too recently
      }
    }
  }

  private void startTaggingIfBehind() {
    if (!tagging.anyUntaggedForActiveVersion()) {
      return;
    }
    Optional<BatchJobs.LatestExecution> latest = jobs.latestExecution(AutoTagJobs.AUTO_TAG);
    AutoEmbedPolicy policy = new AutoEmbedPolicy(Duration.ofMinutes(retryMinutes));
    switch (policy.decide(
        latest.map(BatchJobs.LatestExecution::status).orElse(null),
        latest.map(BatchJobs.LatestExecution::ended).orElse(null),
        Instant.now())) {
      case START_NEW -> tagJobs.start(new AutoTagJobs.Request(null, null));
      case RESTART_LATEST -> {
        LOG.info(
            "Restarting failed "
                + AutoTagJobs.AUTO_TAG
                + " execution "
                + latest.get().executionId());
        jobs.restart(latest.get().executionId());
      }
      case WAIT -> {
        // running, stopped by an admin, or failed too recently
      }
    }
  }
}
