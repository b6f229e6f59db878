package dev.froster.domain.model.model;

import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.embedding.EmbeddingDimensionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One model bundle; every embedding belongs to exactly one version. A {@link ModelKind#BASE base}
 * version is an imported CLIP checkpoint (the frozen teacher of training runs); a {@link
 * ModelKind#TRAINED trained} one records its parent (the version active when it was trained), its
 * teacher, its training configuration and its evaluation metrics (JSON documents).
 */
@Entity
@Table(name = "model_version")
public class ModelVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, unique = true)
  private String name;

  @Column(name = "bundle_path", nullable = false)
  private String bundlePath;

  @Column(name = "bundle_sha256", nullable = false)
  private String bundleSha256;

  @Column(name = "embed_dim", nullable = false)
  private int embedDim;

  @Column(name = "status", nullable = false)
  private ModelVersionStatus status;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private ModelVersion parent;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "teacher_id")
  private ModelVersion teacher;

  @Column(name = "kind", nullable = false)
  private ModelKind kind;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "training_config", nullable = false)
  private String trainingConfig;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "metrics", nullable = false)
  private String metrics;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "embeddings_purged_at")
  private Instant embeddingsPurgedAt;

  protected ModelVersion() {}

  public ModelVersion(String name, String bundlePath, String bundleSha256, int embedDim) {
    this.name = name;
    this.bundlePath = bundlePath;
    this.bundleSha256 = bundleSha256;
    this.embedDim = embedDim;
    this.status = ModelVersionStatus.TRAINING;
    this.kind = ModelKind.TRAINED;
    this.trainingConfig = "{}";
    this.metrics = "{}";
    this.createdAt = Instant.now();
  }

  public ModelVersionId id() {
    return new ModelVersionId(id);
  }

  public String name() {
    return name;
  }

  public int embedDim() {
    return embedDim;
  }

  public ModelVersionStatus status() {
    return status;
  }

  public Instant activatedAt() {
    return activatedAt;
  }

  public String bundlePath() {
    return bundlePath;
  }

  public String bundleSha256() {
    return bundleSha256;
  }

  /** A registered bundle that may be activated; bundles written by the registry start here. */
  public static ModelVersion candidate(
      String name, String bundlePath, String bundleSha256, int embedDim) {
    ModelVersion version = new ModelVersion(name, bundlePath, bundleSha256, embedDim);
    version.status = ModelVersionStatus.CANDIDATE;
    return version;
  }

  /**
   * An imported CLIP checkpoint: a candidate (it may serve searches) and a teacher for training
   * runs; {@code sourceJson} records where it came from.
   */
  public static ModelVersion base(
      String name, String bundlePath, String bundleSha256, int embedDim, String sourceJson) {
    ModelVersion version = candidate(name, bundlePath, bundleSha256, embedDim);
    version.kind = ModelKind.BASE;
    version.trainingConfig = sourceJson;
    return version;
  }

  /**
   * The result of a training run, waiting for the promotion gate or an administrator.
   *
   * @param parent the version that was active when the run started (null when none was)
   * @param teacher the frozen teacher the run distilled from
   */
  public static ModelVersion trainedCandidate(
      String name,
      String bundlePath,
      String bundleSha256,
      int embedDim,
      ModelVersion parent,
      ModelVersion teacher,
      String trainingConfigJson,
      String metricsJson) {
    ModelVersion version = candidate(name, bundlePath, bundleSha256, embedDim);
    version.parent = parent;
    version.teacher = teacher;
    version.trainingConfig = trainingConfigJson;
    version.metrics = metricsJson;
    return version;
  }

  public ModelKind kind() {
    return kind;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The version active when this one was trained; null for base versions. */
  public ModelVersion parent() {
    return parent;
  }

  /** The frozen teacher of the run that made this version; null for base versions. */
  public ModelVersion teacher() {
    return teacher;
  }

  /** Training settings and data summary (trained) or import source (base), as JSON. */
  public String trainingConfigJson() {
    return trainingConfig;
  }

  /** Evaluation metrics and curves as JSON; {@code {}} when none were recorded. */
  public String metricsJson() {
    return metrics;
  }

  /**
   * Makes this version the one that serves searches and embedding jobs.
   *
   * @throws IllegalStateException when the version is still training or was retired
   */
  public void activate(Instant now) {
    if (status == ModelVersionStatus.ACTIVE) {
      return;
    }
    if (status != ModelVersionStatus.CANDIDATE) {
      throw new IllegalStateException(
          "model version "
              + id
              + " is "
              + status.name().toLowerCase(java.util.Locale.ROOT)
              + ", only a candidate can be activated");
    }
    status = ModelVersionStatus.ACTIVE;
    activatedAt = now;
  }

  /** Takes the active version out of service now; see {@link #retire(Instant)}. */
  public void retire() {
    retire(Instant.now());
  }

  public Instant retiredAt() {
    return retiredAt;
  }

  public Instant embeddingsPurgedAt() {
    return embeddingsPurgedAt;
  }

  /**
   * Takes the active version out of service when another one becomes active; its embeddings are
   * kept (a rollback may bring it back) until retention purges them.
   *
   * @throws IllegalStateException when the version is not active
   */
  public void retire(Instant now) {
    if (status != ModelVersionStatus.ACTIVE) {
      throw new IllegalStateException(
          "model version " + id + " is not active, it cannot be retired");
    }
    status = ModelVersionStatus.RETIRED;
    retiredAt = now;
  }

  /**
   * Rollback: a retired version whose embeddings are still kept serves again.
   *
   * @throws IllegalStateException when the version is not retired or its embeddings were purged
   */
  public void restore(Instant now) {
    if (status != ModelVersionStatus.RETIRED) {
      throw new IllegalStateException(
          "model version " + id + " is not retired, it cannot be restored");
    }
    if (embeddingsPurgedAt != null) {
      throw new IllegalStateException(
          "model version " + id + "'s embeddings were purged at " + embeddingsPurgedAt);
    }
    status = ModelVersionStatus.ACTIVE;
    activatedAt = now;
    retiredAt = null;
  }

  /**
   * Records that retention deleted the retired version's embeddings and index.
   *
   * @throws IllegalStateException when the version is not retired
   */
  public void markEmbeddingsPurged(Instant now) {
    if (status != ModelVersionStatus.RETIRED) {
      throw new IllegalStateException(
          "model version " + id + " is not retired, its embeddings may not be purged");
    }
    embeddingsPurgedAt = now;
  }

  /**
   * Checks that an embedding was made by (or is comparable with) this version's towers.
   *
   * @throws EmbeddingDimensionException when the dimensions differ
   */
  public void requireCompatible(Embedding embedding) {
    if (embedding.dimensions() != embedDim) {
      throw new EmbeddingDimensionException(id(), embedDim, embedding.dimensions());
    }
  }
}
