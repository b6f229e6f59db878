package dev.froster.domain.model.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A term attached to a segment or to a whole asset. The auto-tag job inserts tags with SQL; this
 * entity is how a review decision changes one. Terms are kept as ids (the vocabulary side owns
 * them), so the rules that need a term's vocabulary take {@link TermRef}s resolved by the caller.
 */
@Entity
@Table(name = "tag")
public class Tag {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "segment_id")
  private Long segmentId;

  @Column(name = "asset_id")
  private Long assetId;

  @Column(name = "term_id", nullable = false)
  private long termId;

  @Column(name = "model_version_id")
  private Long modelVersionId;

  @Column(name = "confidence")
  private Float confidence;

  @Column(name = "source", nullable = false)
  private TagSource source;

  @Column(name = "status", nullable = false)
  private TagStatus status;

  @Column(name = "start_ms")
  private Long startMs;

  @Column(name = "end_ms")
  private Long endMs;

  /** Runner-up terms, best first: {@code [{"termId": 12, "confidence": 0.21}, ...]}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "alternatives", nullable = false)
  private String alternatives;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Tag() {}

  /** A suggestion on a segment waiting for review, as the auto-tag job leaves it. */
  public static Tag pendingOnSegment(
      long segmentId, long termId, long modelVersionId, float confidence, Instant now) {
    Tag tag = new Tag();
    tag.segmentId = segmentId;
    tag.termId = termId;
    tag.modelVersionId = modelVersionId;
    tag.confidence = confidence;
    tag.source = TagSource.AUTO;
    tag.status = TagStatus.PENDING;
    tag.alternatives = "[]";
    tag.createdAt = now;
    tag.updatedAt = now;
    return tag;
  }

  /** The reviewer agrees with the suggested term. */
  public void accept(Instant now) {
    requirePending("accepted");
    status = TagStatus.ACCEPTED;
    updatedAt = now;
  }

  /** The reviewer refuses the suggestion; the tag stays, rejected, so it is not suggested again. */
  public void reject(Instant now) {
    requirePending("rejected");
    status = TagStatus.REJECTED;
    updatedAt = now;
  }

  /**
   * The reviewer names the right term instead: the tag takes it and is accepted. Source and
   * confidence stay as they were: the confidence is the model's for the suggested term, kept as a
   * record of how sure the model was, not a score of the new term.
   *
   * @param current the tag's present term
   * @param replacement the term the reviewer chose, of the same vocabulary
   * @throws IllegalArgumentException when the replacement is of another vocabulary or is the
   *     present term
   * @throws IllegalStateException when the tag is not pending
   */
  public void relabel(TermRef current, TermRef replacement, Instant now) {
    requirePending("relabelled");
    if (current.id() != termId) {
      throw new IllegalArgumentException(this + " has term " + termId + ", not " + current.id());
    }
    if (!replacement.sameVocabularyAs(current)) {
      throw new IllegalArgumentException(
          "termId "
              + replacement.id()
              + " belongs to vocabulary '"
              + replacement.vocabularyName()
              + "', "
              + this
              + " to vocabulary '"
              + current.vocabularyName()
              + "': relabel only within the tag's vocabulary");
    }
    if (replacement.id() == termId) {
      throw new IllegalArgumentException(
          "termId " + termId + " is the term " + this + " has already: accept it instead");
    }
    termId = replacement.id();
    status = TagStatus.ACCEPTED;
    updatedAt = now;
  }

  private void requirePending(String becoming) {
    if (status != TagStatus.PENDING) {
      throw new IllegalStateException(
          this + " is " + status.name().toLowerCase() + ", not pending: it cannot be " + becoming);
    }
  }

  public TagId id() {
    return new TagId(id);
  }

  public long termId() {
    return termId;
  }

  public TagStatus status() {
    return status;
  }

  public TagSource source() {
    return source;
  }

  /** Null for a manual tag without a score. */
  public Float confidence() {
    return confidence;
  }

  /** Null for an asset-level tag. */
  public Long segmentId() {
    return segmentId;
  }

  /** Null for a segment tag (its asset is the segment's). */
  public Long assetId() {
    return assetId;
  }

  public Long modelVersionId() {
    return modelVersionId;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return id == null ? "new tag" : "tag " + id;
  }
}
