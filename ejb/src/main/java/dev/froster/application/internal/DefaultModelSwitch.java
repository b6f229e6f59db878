package dev.froster.application.internal;

import dev.froster.application.IncompleteEmbeddingsException;
import dev.froster.application.ModelSwitch;
import dev.froster.application.StateConflictException;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.audit.AuditLog;
import dev.froster.domain.model.model.EmbeddingCoverage;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionRepository;
import dev.froster.infrastructure.vector.HnswIndexes;
import dev.froster.infrastructure.vector.VersionEmbeddings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class DefaultModelSwitch implements ModelSwitch {

  private static final Logger LOG = Logger.getLogger(DefaultModelSwitch.class.getName());

  @Inject private ModelVersionRepository versions;
  @Inject private VersionEmbeddings embeddings;
  @Inject private HnswIndexes indexes;
  @Inject private TermEmbeddings terms;
  @Inject private AuditLog audit;

  @Override
  public EmbeddingCoverage prepare(ModelVersionId target) {
    ModelVersion version = find(target);
    int computed = terms.fillMissingOfEveryVocabulary(version);
    indexes.ensureFor(target, version.embedDim());
    EmbeddingCoverage coverage = coverage(target);
    LOG.info(
        "Prepared "
            + target
            + ": "
            + computed
            + " term embedding(s) computed, index ready; "
            + coverage.describe());
    return coverage;
  }

  @Override
  public EmbeddingCoverage coverage(ModelVersionId target) {
    Optional<ModelVersionId> reference =
        versions.active().map(ModelVersion::id).filter(active -> !active.equals(target));
    return embeddings.coverage(target, reference);
  }

  @Override
  public ModelVersion switchTo(ModelVersionId target, String actor) {
    ModelVersion version = find(target);
    Optional<ModelVersion> previous = versions.active();
    if (previous.isPresent() && previous.get() == version) {
      // A restarted job whose switch had committed: nothing left to do.
      return version;
    }
    EmbeddingCoverage coverage = coverage(target);
    if (!coverage.complete()) {
      throw new IncompleteEmbeddingsException(target, coverage);
    }
    Instant now = Instant.now();
    previous.ifPresent(old -> old.retire(now));
    // The retirement must reach the database before the activation: one active version at most.
    versions.flush();
    try {
      version.activate(now);
    } catch (IllegalStateException notACandidate) {
      throw new StateConflictException(notACandidate.getMessage());
    }
    audit.record(
        actor,
        "model.promote",
        "model_version",
        Long.toString(target.value()),
        activeDocument(previous.map(ModelVersion::id)),
        activeDocument(Optional.of(target)));
    LOG.info(
        "Promoted "
            + target
            + " ("
            + coverage.describe()
            + ")"
            + previous.map(old -> ", retired " + old.id()).orElse(""));
    return version;
  }

  @Override
  public ModelVersion rollback(String actor) {
    List<ModelVersion> retired = versions.retired();
    if (retired.isEmpty()) {
      throw new StateConflictException("no version was active before the current one");
    }
    ModelVersion target = retired.get(0);
    if (target.embeddingsPurgedAt() != null || !embeddings.indexExists(target.id())) {
      throw new StateConflictException(
          "the previous version, "
              + target.id()
              + ", can no longer serve: its embeddings were purged"
              + (target.embeddingsPurgedAt() == null ? "" : " at " + target.embeddingsPurgedAt()));
    }
    Optional<ModelVersion> current = versions.active();
    Instant now = Instant.now();
    current.ifPresent(old -> old.retire(now));
    versions.flush();
    target.restore(now);
    audit.record(
        actor,
        "model.rollback",
        "model_version",
        Long.toString(target.id().value()),
        activeDocument(current.map(ModelVersion::id)),
        activeDocument(Optional.of(target.id())));
    LOG.info(
        "Rolled back to "
            + target.id()
            + current.map(old -> ", retired " + old.id()).orElse("")
            + " (by "
            + actor
            + ")");
    return target;
  }

  private ModelVersion find(ModelVersionId id) {
    return versions.find(id).orElseThrow(() -> new UnknownEntityException(id));
  }

  private static String activeDocument(Optional<ModelVersionId> active) {
    return "{\"activeVersion\": "
        + active.map(id -> Long.toString(id.value())).orElse("null")
        + "}";
  }
}
