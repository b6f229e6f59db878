package dev.froster.domain.model.vocabulary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A whole vocabulary as imported or exported: name, description, thresholds, whether it takes part
 * in automatic tagging, and its terms in order. Labels are distinct (case-insensitive, trimmed).
 */
public record VocabularyDraft(
    String name, String description, Thresholds thresholds, boolean active, List<TermDraft> terms) {

  /** Longest vocabulary name accepted. */
  public static final int MAX_NAME_LENGTH = 200;

  /** How wordings are compared, for the messages about duplicates. */
  static final String COMPARED = "labels and synonyms are compared trimmed and case-insensitively";

  /**
   * @param termPosition how an error names the term at an index, e.g. {@code i -> "row " + (i+2)}
   * @throws InvalidVocabularyException naming the field, or both terms of a shared wording
   */
  public static VocabularyDraft of(
      String name,
      String description,
      Thresholds thresholds,
      boolean active,
      List<TermDraft> terms,
      IntFunction<String> termPosition) {
    requireDistinctWordings(terms, termPosition);
    return new VocabularyDraft(
        cleanName(name), cleanDescription(description), thresholds, active, List.copyOf(terms));
  }

  /**
   * @throws InvalidVocabularyException naming both positions of the first wording (label or
   *     synonym) that two terms share
   */
  public static void requireDistinctWordings(List<TermDraft> terms, IntFunction<String> position) {
    Map<String, Integer> firstTerm = new HashMap<>();
    Map<String, String> firstWording = new HashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      for (Map.Entry<String, String> wording : terms.get(i).wordings().entrySet()) {
        Integer earlier = firstTerm.putIfAbsent(wording.getKey(), i);
        firstWording.putIfAbsent(wording.getKey(), wording.getValue());
        if (earlier != null && earlier != i) {
          throw new InvalidVocabularyException(
              "duplicate term: "
                  + position.apply(i)
                  + " "
                  + wording.getValue()
                  + " repeats "
                  + position.apply(earlier)
                  + " "
                  + firstWording.get(wording.getKey())
                  + " ("
                  + COMPARED
                  + ")");
        }
      }
    }
  }

  /**
   * @throws InvalidVocabularyException when the name is blank or too long
   */
  public static String cleanName(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw new InvalidVocabularyException("name is required");
    }
    if (clean.length() > MAX_NAME_LENGTH) {
      throw new InvalidVocabularyException(
          "name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    return clean;
  }

  /** A trimmed description, null when blank. */
  public static String cleanDescription(String description) {
    String clean = description == null ? null : description.strip();
    return clean == null || clean.isEmpty() ? null : clean;
  }
}
