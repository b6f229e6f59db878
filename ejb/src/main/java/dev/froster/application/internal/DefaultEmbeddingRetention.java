package dev.froster.application.internal;

import dev.froster.application.EmbeddingRetention;
import dev.froster.application.StateConflictException;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.audit.AuditLog;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionRepository;
import dev.froster.domain.model.model.Retention;
import dev.froster.infrastructure.vector.VersionEmbeddings;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultEmbeddingRetention implements EmbeddingRetention {

  private static final Logger LOG = Logger.getLogger(DefaultEmbeddingRetention.class.getName());

  /** The actor recorded in the audit trail for purges of the daily timer. */
  static final String RETENTION_ACTOR = "system:retention";

  @Inject private ModelVersionRepository versions;
  @Inject private VersionEmbeddings embeddings;
  @Inject private AuditLog audit;
  @Resource private SessionContext context;

  @Inject
  @ConfigProperty(name = "froster.models.retention", defaultValue = "P30D")
  private String retention;

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<ModelVersionId> purgeDue() {
    EmbeddingRetention self = context.getBusinessObject(EmbeddingRetention.class);
    List<ModelVersionId> purged = new ArrayList<>();
    for (ModelVersionId due : self.dueNow()) {
      try {
        self.purge(due, RETENTION_ACTOR);
        purged.add(due);
      } catch (StateConflictException changedMeanwhile) {
        LOG.info("Retention skipped " + due + ": " + changedMeanwhile.getMessage());
      }
    }
    return purged;
  }

  @Override
  public List<ModelVersionId> dueNow() {
    return retention().due(versions.retired(), Instant.now()).stream()
        .map(ModelVersion::id)
        .toList();
  }

  @Override
  public ModelVersion purge(ModelVersionId id, String actor) {
    ModelVersion version = versions.find(id).orElseThrow(() -> new UnknownEntityException(id));
    Retention.refusal(version, versions.retired())
        .ifPresent(
            why -> {
              throw new StateConflictException("cannot purge: " + why);
            });
    int segments = embeddings.purge(id);
    Instant now = Instant.now();
    version.markEmbeddingsPurged(now);
    audit.record(
        actor,
        "model.purge-embeddings",
        "model_version",
        Long.toString(id.value()),
        null,
        "{\"segmentEmbeddings\": " + segments + ", \"purgedAt\": \"" + now + "\"}");
    LOG.info("Purged " + segments + " segment embedding(s), term embeddings and index of " + id);
    return version;
  }

  private Retention retention() {
    try {
      return new Retention(Duration.parse(retention));
    } catch (DateTimeParseException notIso) {
      throw new IllegalArgumentException(
          "froster.models.retention: '" + retention + "' is not an ISO-8601 duration (e.g. P30D)");
    }
  }
}
