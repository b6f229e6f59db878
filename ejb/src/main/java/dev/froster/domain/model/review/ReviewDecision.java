package dev.froster.domain.model.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reviewer's decision about one tag, with the term before and after. */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tag_id", nullable = false)
  private long tagId;

  @Column(name = "reviewer", nullable = false)
  private String reviewer;

  @Column(name = "decision", nullable = false)
  private Decision decision;

  @Column(name = "term_before_id")
  private Long termBeforeId;

  @Column(name = "term_after_id")
  private Long termAfterId;

  @Column(name = "comment")
  private String comment;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected ReviewDecision() {}

  public ReviewDecision(
      long tagId,
      String reviewer,
      Decision decision,
      long termBeforeId,
      long termAfterId,
      String comment,
      Instant decidedAt) {
    if (reviewer == null || reviewer.isBlank()) {
      throw new IllegalArgumentException("a review decision needs a reviewer");
    }
    this.tagId = tagId;
    this.reviewer = reviewer;
    this.decision = decision;
    this.termBeforeId = termBeforeId;
    this.termAfterId = termAfterId;
    this.comment = comment;
    this.decidedAt = decidedAt;
  }

  public Long id() {
    return id;
  }

  public Decision decision() {
    return decision;
  }

  public String reviewer() {
    return reviewer;
  }

  public Instant decidedAt() {
    return decidedAt;
  }
}
