package dev.froster.interfaces.rest;

import dev.froster.application.VocabularyDetails;
import dev.froster.application.VocabularyDetails.TermDetails;
import java.time.Instant;
import java.util.List;

/** Vocabularies and terms as the REST API shows them. */
final class VocabularyViews {

  private VocabularyViews() {}

  /** A vocabulary in a list: its settings and how many terms it has. */
  public record Summary(
      long id,
      String name,
      String description,
      double acceptThreshold,
      double reviewThreshold,
      boolean active,
      int termCount,
      Instant createdAt) {

    static Summary of(VocabularyDetails vocabulary) {
      return new Summary(
          vocabulary.id(),
          vocabulary.name(),
          vocabulary.description(),
          vocabulary.thresholds().accept(),
          vocabulary.thresholds().review(),
          vocabulary.active(),
          vocabulary.terms().size(),
          vocabulary.createdAt());
    }
  }

  /** A vocabulary with its terms. */
  public record Full(
      long id,
      String name,
      String description,
      double acceptThreshold,
      double reviewThreshold,
      boolean active,
      Instant createdAt,
      List<Term> terms) {

    static Full of(VocabularyDetails vocabulary) {
      return new Full(
          vocabulary.id(),
          vocabulary.name(),
          vocabulary.description(),
          vocabulary.thresholds().accept(),
          vocabulary.thresholds().review(),
          vocabulary.active(),
          vocabulary.createdAt(),
          vocabulary.terms().stream().map(Term::of).toList());
    }
  }

  /** A term. */
  public record Term(long id, String label, String description, List<String> synonyms) {

    static Term of(TermDetails term) {
      return new Term(term.id(), term.label(), term.description(), term.synonyms());
    }
  }
}
