package dev.froster.domain.model.embedding;

import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.segment.Segment;
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

/** The embedding one model version computed for one segment. */
@Entity
@Table(name = "segment_embedding")
public class SegmentEmbedding {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "segment_id", nullable = false)
  private Segment segment;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "model_version_id", nullable = false)
  private ModelVersion modelVersion;

  // No fixed dimension in the column: each model version has its own (checked by ModelVersion and
  // by a trigger in the schema).
  @JdbcTypeCode(SqlTypes.VECTOR)
  @Column(name = "embedding", nullable = false)
  private float[] embedding;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SegmentEmbedding() {}

  public SegmentEmbedding(Segment segment, ModelVersion modelVersion, Embedding embedding) {
    modelVersion.requireCompatible(embedding);
    this.segment = segment;
    this.modelVersion = modelVersion;
    this.embedding = embedding.toArray();
    this.createdAt = Instant.now();
  }

  public Segment segment() {
    return segment;
  }

  public ModelVersion modelVersion() {
    return modelVersion;
  }

  public Embedding embedding() {
    return Embedding.of(embedding);
  }

  /** Replaces the vector after the segment was embedded again by the same model version. */
  public void replace(Embedding newEmbedding) {
    modelVersion.requireCompatible(newEmbedding);
    this.embedding = newEmbedding.toArray();
    this.createdAt = Instant.now();
  }
}
