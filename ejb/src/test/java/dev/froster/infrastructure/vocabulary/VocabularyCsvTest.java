package dev.froster.infrastructure.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.application.TermImport;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.TermDraft;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyCsvTest {

  @Test
  void readsQuotedFieldsSynonymsAndUtf8() {
    String csv =
        "label,description,synonyms\n"
            + "jump,\"leaping up, both feet\",hop|leap\n"
            + "\"Café \"\"crème\"\"\",\"two\nlines\",\n"
            + "\n"
            + "plié,,\n";
    TermImport terms = VocabularyCsv.read(csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(3, terms.terms().size());
    assertEquals(List.of("row 2", "row 3", "row 4"), terms.positions());
    TermDraft jump = terms.terms().get(0);
    assertEquals("leaping up, both feet", jump.description());
    assertEquals(List.of("hop", "leap"), jump.synonyms());
    assertEquals("Café \"crème\"", terms.terms().get(1).label());
    assertEquals("two\nlines", terms.terms().get(1).description());
    assertEquals("plié", terms.terms().get(2).label());
    assertNull(terms.terms().get(2).description());
  }

  @Test
  void columnsMayComeInAnyOrderAndBeLeftOut() {
    TermImport terms =
        VocabularyCsv.read("\uFEFFsynonyms,label\nx|y,wave\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("wave", terms.terms().get(0).label());
    assertEquals(List.of("x", "y"), terms.terms().get(0).synonyms());
  }

  @Test
  void exportReadsBackAsTheSameTerms() {
    List<TermDraft> terms =
        List.of(
            TermDraft.of("", "jump", "leaping, \"high\"", List.of("hop", "leap")),
            TermDraft.of("", "naïve wave", "multi\nline", List.of()),
            TermDraft.of("", "sit", null, List.of("seat")));
    String csv = VocabularyCsv.write(terms);
    assertEquals(terms, VocabularyCsv.read(csv.getBytes(StandardCharsets.UTF_8)).terms());
  }

  @Test
  void aBrokenRowIsNamedWithItsField() {
    assertEquals(
        "row 3: has 4 fields, the header has 3",
        error("label,description,synonyms\na,b,c\nd,e,f,g\n"));
    assertEquals("row 2: label is required", error("label,description,synonyms\n  ,b,c\n"));
    assertTrue(error("label,descr\na,b\n").startsWith("row 1: unknown column 'descr'"));
    assertTrue(error("description\nb\n").startsWith("row 1: the header has no label column"));
    assertTrue(error("label\n\"open quote\n").startsWith("the CSV file is malformed"));
    assertTrue(error("").startsWith("the CSV file is empty"));
  }

  @Test
  void duplicateTermsNameBothRows() {
    String message = error("label\nRun\njump\n run \n");
    assertTrue(message.contains("row 4 label 'run'"), message);
    assertTrue(message.contains("row 2 label 'Run'"), message);
  }

  @Test
  void binaryOrNonUtf8FilesAreRefused() {
    assertEquals(
        "the CSV file is not UTF-8 text",
        assertThrows(
                InvalidVocabularyException.class,
                () -> VocabularyCsv.read(new byte[] {'l', 'a', (byte) 0xff, (byte) 0xfe}))
            .getMessage());
    assertTrue(
        assertThrows(
                InvalidVocabularyException.class,
                () -> VocabularyCsv.read(new byte[] {'l', 0, 'a', 0}))
            .getMessage()
            .contains("binary"));
  }

  private static String error(String csv) {
    return assertThrows(
            InvalidVocabularyException.class,
            () -> VocabularyCsv.read(csv.getBytes(StandardCharsets.UTF_8)))
        .getMessage();
  }
}
