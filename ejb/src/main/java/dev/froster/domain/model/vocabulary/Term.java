package dev.froster.domain.model.vocabulary;

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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A term of a vocabulary: what a tag names. */
@Entity
@Table(name = "term")
public class Term {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "vocabulary_id", nullable = false, updatable = false)
  private Vocabulary vocabulary;

  @Column(name = "label", nullable = false)
  private String label;

  @Column(name = "description")
  private String description;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "synonyms", nullable = false, columnDefinition = "text[]")
  private String[] synonyms;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Term() {}

  Term(Vocabulary vocabulary, TermDraft draft) {
    this.vocabulary = vocabulary;
    this.createdAt = Instant.now();
    apply(draft);
  }

  void apply(TermDraft draft) {
    this.label = draft.label();
    this.description = draft.description();
    this.synonyms = draft.synonyms().toArray(String[]::new);
  }

  public TermId id() {
    return new TermId(id);
  }

  /** The id, null until the term is stored. */
  Long persistedId() {
    return id;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  public List<String> synonyms() {
    return List.of(synonyms);
  }

  /** The term as a draft: what an export writes and what its embedding is computed from. */
  public TermDraft draft() {
    return new TermDraft(label, description, synonyms());
  }
}
