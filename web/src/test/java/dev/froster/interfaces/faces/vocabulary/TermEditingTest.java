package dev.froster.interfaces.faces.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A refused term edit is shown next to the field its message names. */
class TermEditingTest {

  @Test
  void aRefusalGoesToTheFieldItNames() {
    assertEquals("editSynonyms", TermEditing.fieldOf("synonym 'jump' is used twice"));
    assertEquals("editDescription", TermEditing.fieldOf("Description is longer than 2000"));
    assertEquals("editLabel", TermEditing.fieldOf("label 'dive' exists in this vocabulary"));
    assertEquals("editLabel", TermEditing.fieldOf(null));
    assertEquals(
        "editLabel",
        TermEditing.fieldOf(
            "duplicate term: label 'Running' repeats the existing term 'running' (labels and"
                + " synonyms are compared trimmed and case-insensitively)"));
    assertEquals(
        "editSynonyms",
        TermEditing.fieldOf(
            "duplicate term: synonym 'run' repeats the existing term 'run' (labels and synonyms"
                + " are compared trimmed and case-insensitively)"));
  }
}
