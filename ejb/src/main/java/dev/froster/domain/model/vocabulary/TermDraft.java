package dev.froster.domain.model.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A term as an admin writes or imports it, cleaned: label and description trimmed (an empty
 * description is none), synonyms trimmed, blank ones and repeats dropped.
 */
public record TermDraft(String label, String description, List<String> synonyms) {

  /** Separates synonyms in a CSV field, so no synonym may contain it. */
  public static final String SYNONYM_SEPARATOR = "|";

  /** Longest label accepted; a label is a name, not a paragraph. */
  public static final int MAX_LABEL_LENGTH = 200;

  /** Longest description accepted (it goes through the text tower's 77-token context anyway). */
  public static final int MAX_DESCRIPTION_LENGTH = 2000;

  /**
   * @throws InvalidVocabularyException naming {@code where} (e.g. "row 3" or "terms[2]") and the
   *     field
   */
  public static TermDraft of(
      String where, String label, String description, List<String> synonyms) {
    String prefix = where == null || where.isEmpty() ? "" : where + ": ";
    String cleanLabel = label == null ? "" : label.strip();
    if (cleanLabel.isEmpty()) {
      throw new InvalidVocabularyException(prefix + "label is required");
    }
    if (cleanLabel.length() > MAX_LABEL_LENGTH) {
      throw new InvalidVocabularyException(
          prefix + "label is longer than " + MAX_LABEL_LENGTH + " characters");
    }
    String cleanDescription = description == null ? null : description.strip();
    if (cleanDescription != null && cleanDescription.isEmpty()) {
      cleanDescription = null;
    }
    if (cleanDescription != null && cleanDescription.length() > MAX_DESCRIPTION_LENGTH) {
      throw new InvalidVocabularyException(
          prefix + "description is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> cleanSynonyms = new ArrayList<>();
    for (String synonym : synonyms == null ? List.<String>of() : synonyms) {
      if (synonym == null) {
        throw new InvalidVocabularyException(prefix + "synonyms must not contain null");
      }
      String clean = synonym.strip();
      if (clean.length() > MAX_LABEL_LENGTH) {
        throw new InvalidVocabularyException(
            prefix + "synonym '" + clean + "' is longer than " + MAX_LABEL_LENGTH + " characters");
      }
      if (clean.contains(SYNONYM_SEPARATOR)) {
        throw new InvalidVocabularyException(
            prefix
                + "synonym '"
                + clean
                + "' must not contain '"
                + SYNONYM_SEPARATOR
                + "' (it separates synonyms in CSV)");
      }
      if (!clean.isEmpty() && seen.add(key(clean))) {
        cleanSynonyms.add(clean);
      }
    }
    return new TermDraft(cleanLabel, cleanDescription, List.copyOf(cleanSynonyms));
  }

  /** The label as duplicates are found: trimmed and lower-cased. */
  public String labelKey() {
    return key(label);
  }

  /**
   * The term's wordings, its label then its synonyms, by key (trimmed, lower-cased), each with how
   * an error names it ({@code label 'run'}, {@code synonym 'jog'}). A wording belongs to one term
   * of a vocabulary only: a phrase shared by two terms would pull toward both class embeddings.
   */
  public Map<String, String> wordings() {
    Map<String, String> wordings = new LinkedHashMap<>();
    wordings.put(labelKey(), "label '" + label + "'");
    synonyms.forEach(synonym -> wordings.putIfAbsent(key(synonym), "synonym '" + synonym + "'"));
    return wordings;
  }

  static String key(String label) {
    return label.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The class texts the model embeds for this term, as the method builds class texts: "label:
   * description" (the label alone without a description), then the same for every synonym in place
   * of the label. Their prompt-ensemble embeddings are averaged and renormalised.
   */
  public List<String> classTexts() {
    List<String> texts = new ArrayList<>();
    texts.add(classText(label));
    synonyms.forEach(synonym -> texts.add(classText(synonym)));
    return texts;
  }

  private String classText(String name) {
    return description == null ? name : name + ": " + description;
  }
}
