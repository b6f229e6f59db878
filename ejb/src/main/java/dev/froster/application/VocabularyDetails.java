package dev.froster.application;

import dev.froster.domain.model.vocabulary.Term;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.Thresholds;
import dev.froster.domain.model.vocabulary.Vocabulary;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import java.time.Instant;
import java.util.List;

/** A vocabulary as read: settings and terms with their ids. */
public record VocabularyDetails(
    long id,
    String name,
    String description,
    Thresholds thresholds,
    boolean active,
    Instant createdAt,
    List<TermDetails> terms) {

  /** A term as read. */
  public record TermDetails(long id, String label, String description, List<String> synonyms) {

    public static TermDetails of(Term term) {
      return new TermDetails(term.id().value(), term.label(), term.description(), term.synonyms());
    }
  }

  public static VocabularyDetails of(Vocabulary vocabulary) {
    return new VocabularyDetails(
        vocabulary.id().value(),
        vocabulary.name(),
        vocabulary.description(),
        vocabulary.thresholds(),
        vocabulary.active(),
        vocabulary.createdAt(),
        vocabulary.terms().stream().map(TermDetails::of).toList());
  }

  /** The vocabulary as an export writes it (no ids: it can be imported elsewhere). */
  public VocabularyDraft toDraft() {
    return new VocabularyDraft(
        name,
        description,
        thresholds,
        active,
        terms.stream()
            .map(term -> new TermDraft(term.label(), term.description(), term.synonyms()))
            .toList());
  }
}
