package dev.froster.domain.model.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermDraftTest {

  @Test
  void valuesAreCleaned() {
    TermDraft term = TermDraft.of("", "  Sprint ", "  ", List.of(" dash", "", "Dash", "run "));
    assertEquals("Sprint", term.label());
    assertNull(term.description());
    assertEquals(List.of("dash", "run"), term.synonyms());
  }

  @Test
  void classTextsAreLabelAndSynonymsWithTheDescription() {
    TermDraft term = TermDraft.of("", "sprint", "running fast", List.of("dash"));
    assertEquals(List.of("sprint: running fast", "dash: running fast"), term.classTexts());
    assertEquals(List.of("sprint"), TermDraft.of("", "sprint", null, null).classTexts());
  }

  @Test
  void aBlankLabelOrASeparatorInASynonymIsRefusedWithItsPosition() {
    assertEquals(
        "row 4: label is required",
        assertThrows(InvalidVocabularyException.class, () -> TermDraft.of("row 4", " ", "x", null))
            .getMessage());
    assertTrue(
        assertThrows(
                InvalidVocabularyException.class,
                () -> TermDraft.of("terms[1]", "a", null, List.of("b|c")))
            .getMessage()
            .startsWith("terms[1]: synonym 'b|c'"));
  }

  @Test
  void duplicateLabelsNameBothPositions() {
    List<TermDraft> terms =
        List.of(
            TermDraft.of("", "Run", null, null),
            TermDraft.of("", "jump", null, null),
            TermDraft.of("", " run ", null, null));
    String message =
        assertThrows(
                InvalidVocabularyException.class,
                () -> VocabularyDraft.requireDistinctLabels(terms, i -> "row " + (i + 2)))
            .getMessage();
    assertTrue(message.contains("row 4 label 'run'"), message);
    assertTrue(message.contains("row 2 label 'Run'"), message);
  }

  @Test
  void aVocabularyRefusesALabelItHasAlready() {
    Vocabulary vocabulary =
        Vocabulary.of(
            VocabularyDraft.of(
                "v",
                null,
                new Thresholds(0.9, 0.5),
                true,
                List.of(TermDraft.of("", "Wave", null, null)),
                i -> "terms[" + i + "]"));
    assertThrows(
        InvalidVocabularyException.class,
        () -> vocabulary.addTerms(List.of(TermDraft.of("", "WAVE ", null, null)), i -> "row 2"));
    assertEquals(1, vocabulary.terms().size());
  }
}
