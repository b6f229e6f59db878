package dev.froster.domain.model.vocabulary;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A broadcaster's vocabulary: named terms that automatic tagging chooses among, with the thresholds
 * that decide between accepting a tag, asking a reviewer and dropping it. Term labels are unique
 * within the vocabulary, trimmed and case-insensitively.
 */
@Entity
@Table(name = "vocabulary")
public class Vocabulary {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, unique = true)
  private String name;

  @Column(name = "description")
  private String description;

  // real columns: thresholds are read back through their decimal text (0.8f -> 0.8, not
  // 0.800000011)
  @Column(name = "accept_threshold", nullable = false)
  private float acceptThreshold;

  @Column(name = "review_threshold", nullable = false)
  private float reviewThreshold;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @OneToMany(mappedBy = "vocabulary", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<Term> terms = new ArrayList<>();

  protected Vocabulary() {}

  /** A new vocabulary with the draft's settings and terms (labels already checked distinct). */
  public static Vocabulary of(VocabularyDraft draft) {
    Vocabulary vocabulary = new Vocabulary();
    vocabulary.name = draft.name();
    vocabulary.description = draft.description();
    vocabulary.setThresholds(draft.thresholds());
    vocabulary.active = draft.active();
    vocabulary.createdAt = Instant.now();
    draft.terms().forEach(term -> vocabulary.terms.add(new Term(vocabulary, term)));
    return vocabulary;
  }

  public VocabularyId id() {
    return new VocabularyId(id);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Thresholds thresholds() {
    return new Thresholds(
        Double.parseDouble(Float.toString(acceptThreshold)),
        Double.parseDouble(Float.toString(reviewThreshold)));
  }

  public boolean active() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<Term> terms() {
    return List.copyOf(terms);
  }

  public Optional<Term> term(TermId termId) {
    return terms.stream().filter(term -> term.id().equals(termId)).findFirst();
  }

  public void rename(String newName) {
    this.name = VocabularyDraft.cleanName(newName);
  }

  public void describe(String newDescription) {
    this.description = VocabularyDraft.cleanDescription(newDescription);
  }

  /**
   * @return whether they changed (earlier tagging decisions then no longer hold)
   */
  public boolean changeThresholds(Thresholds thresholds) {
    boolean changed = !thresholds.equals(thresholds());
    setThresholds(thresholds);
    return changed;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  /**
   * @throws InvalidVocabularyException when its label or a synonym is an existing term's wording
   */
  public Term addTerm(TermDraft draft) {
    requireWordingsFree(draft, null, "");
    Term term = new Term(this, draft);
    terms.add(term);
    return term;
  }

  /**
   * Adds every term or none.
   *
   * @param position how an error names the imported term at an index (e.g. its CSV row)
   * @throws InvalidVocabularyException naming the imported term and the term it repeats
   */
  public List<Term> addTerms(List<TermDraft> drafts, IntFunction<String> position) {
    VocabularyDraft.requireDistinctWordings(drafts, position);
    for (int i = 0; i < drafts.size(); i++) {
      requireWordingsFree(drafts.get(i), null, position.apply(i) + " ");
    }
    List<Term> added = new ArrayList<>();
    for (TermDraft draft : drafts) {
      Term term = new Term(this, draft);
      terms.add(term);
      added.add(term);
    }
    return added;
  }

  /**
   * @throws UnknownTermException when the vocabulary has no such term
   * @throws InvalidVocabularyException when the new label or a synonym is another term's wording
   */
  public Term editTerm(TermId termId, TermDraft draft) {
    Term term = term(termId).orElseThrow(() -> new UnknownTermException(id(), termId));
    requireWordingsFree(draft, term, "");
    term.apply(draft);
    return term;
  }

  /**
   * @throws UnknownTermException when the vocabulary has no such term
   */
  public Term removeTerm(TermId termId) {
    Term term = term(termId).orElseThrow(() -> new UnknownTermException(id(), termId));
    terms.remove(term);
    return term;
  }

  private void setThresholds(Thresholds thresholds) {
    this.acceptThreshold = (float) thresholds.accept();
    this.reviewThreshold = (float) thresholds.review();
  }

  /**
   * @param position how the error names the new term ("" for a single term, "row 3 " in an import)
   */
  private void requireWordingsFree(TermDraft draft, Term except, String position) {
    Map<String, String> wordings = draft.wordings();
    for (Term existing : terms) {
      if (existing == except) {
        continue;
      }
      for (Map.Entry<String, String> theirs : existing.draft().wordings().entrySet()) {
        String ours = wordings.get(theirs.getKey());
        if (ours != null) {
          throw new InvalidVocabularyException(
              "duplicate term: "
                  + position
                  + ours
                  + " repeats the existing term '"
                  + existing.label()
                  + "'"
                  + (existing.persistedId() == null ? "" : " (id " + existing.persistedId() + ")")
                  + (theirs.getValue().startsWith("label") ? "" : ", its " + theirs.getValue())
                  + " ("
                  + VocabularyDraft.COMPARED
                  + ")");
        }
      }
    }
  }
}
