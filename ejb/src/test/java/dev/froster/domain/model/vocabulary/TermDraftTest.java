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
                () -> VocabularyDraft.requireDistinctWordings(terms, i -> "row " + (i + 2)))
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

  @Test
  void aSynonymMayNotBeAnotherTermsLabelOrSynonym() {
    List<TermDraft> labelClash =
        List.of(TermDraft.of("", "run", null, List.of("jog")), TermDraft.of("", "Jog", null, null));
    String message =
        assertThrows(
                InvalidVocabularyException.class,
                () -> VocabularyDraft.requireDistinctWordings(labelClash, i -> "row " + (i + 2)))
            .getMessage();
    assertTrue(message.contains("row 3 label 'Jog' repeats row 2 synonym 'jog'"), message);
    List<TermDraft> synonymClash =
        List.of(
            TermDraft.of("", "run", null, List.of("dash")),
            TermDraft.of("", "sprint", null, List.of("DASH")));
    assertThrows(
        InvalidVocabularyException.class,
        () -> VocabularyDraft.requireDistinctWordings(synonymClash, i -> "row " + (i + 2)));
    // a synonym that repeats its own term's label is harmless
    VocabularyDraft.requireDistinctWordings(
        List.of(TermDraft.of("", "run", null, List.of("Run"))), i -> "row 2");
  }

  @Test
  void aVocabularyRefusesASynonymThatAnExistingTermUses() {
    Vocabulary vocabulary =
        Vocabulary.of(
            VocabularyDraft.of(
                "v",
                null,
                new Thresholds(0.9, 0.5),
                true,
                List.of(TermDraft.of("", "Wave", null, List.of("hand wave"))),
                i -> "terms[" + i + "]"));
    String synonymOfOurs =
        assertThrows(
                InvalidVocabularyException.class,
                () -> vocabulary.addTerm(TermDraft.of("", "greet", null, List.of("wave"))))
            .getMessage();
    assertTrue(
        synonymOfOurs.contains("synonym 'wave' repeats the existing term 'Wave'"), synonymOfOurs);
    String labelOfOurs =
        assertThrows(
                InvalidVocabularyException.class,
                () ->
                    vocabulary.addTerms(
                        List.of(TermDraft.of("", "Hand Wave", null, null)), i -> "row 2"))
            .getMessage();
    assertTrue(
        labelOfOurs.contains(
            "row 2 label 'Hand Wave' repeats the existing term 'Wave', its synonym 'hand wave'"),
        labelOfOurs);
    assertEquals(1, vocabulary.terms().size());
  }
}
