package dev.froster.application;

import dev.froster.domain.model.vocabulary.TermDraft;
import java.util.List;

/**
 * Terms to add to a vocabulary all together, with how an error names each (e.g. {@code "row 3"} of
 * a CSV file, {@code "terms[2]"} of a JSON document).
 */
public record TermImport(List<TermDraft> terms, List<String> positions) {

  public TermImport {
    if (terms.size() != positions.size()) {
      throw new IllegalArgumentException("every imported term needs a position");
    }
    terms = List.copyOf(terms);
    positions = List.copyOf(positions);
  }
}
