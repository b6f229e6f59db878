package dev.froster.infrastructure.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.application.VocabularyChange;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.Thresholds;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyJsonTest {

  @Test
  void readsAWholeVocabularyAndWritesItBackTheSame() {
    VocabularyDraft draft =
        VocabularyJson.readVocabulary(
            "{\"name\": \" Sports \", \"description\": \"actions of sports\","
                + " \"acceptThreshold\": 0.85, \"reviewThreshold\": 0.4,"
                + " \"terms\": [{\"label\": \"jump\", \"description\": \"leaping up\","
                + " \"synonyms\": [\"hop\"]}, {\"label\": \"ß-wave 👋\"}]}");
    assertEquals("Sports", draft.name());
    assertEquals(new Thresholds(0.85, 0.4), draft.thresholds());
    assertTrue(draft.active());
    assertEquals(
        List.of(
            new TermDraft("jump", "leaping up", List.of("hop")),
            new TermDraft("ß-wave 👋", null, List.of())),
        draft.terms());
    assertEquals(draft, VocabularyJson.readVocabulary(VocabularyJson.write(draft).toString()));
  }

  @Test
  void everyBadFieldIsNamed() {
    assertTrue(
        error("{\"name\": \"v\", \"reviewThreshold\": 0.1}")
            .startsWith("acceptThreshold is required"));
    assertTrue(
        error("{\"name\": \"v\", \"acceptThreshold\": 1.2, \"reviewThreshold\": 0.1}")
            .startsWith("acceptThreshold must be a number from 0 to 1"));
    assertTrue(
        error("{\"name\": \"v\", \"acceptThreshold\": \"high\", \"reviewThreshold\": 0.1}")
            .startsWith("acceptThreshold must be a number"));
    assertTrue(
        error("{\"acceptThreshold\": 0.9, \"reviewThreshold\": 0.1}")
            .startsWith("name is required"));
    assertTrue(
        error(
                "{\"name\": \"v\", \"acceptThreshold\": 0.9, \"reviewThreshold\": 0.1, \"acceptTreshold\": 1}")
            .startsWith("unknown field acceptTreshold"));
    assertTrue(
        error(
                "{\"name\": \"v\", \"acceptThreshold\": 0.9, \"reviewThreshold\": 0.1,"
                    + " \"terms\": [{\"label\": \"a\"}, {\"label\": \"b\", \"synonyms\": \"c\"}]}")
            .startsWith("terms[1].synonyms must be an array of strings"));
    assertTrue(
        error(
                "{\"name\": \"v\", \"acceptThreshold\": 0.9, \"reviewThreshold\": 0.1,"
                    + " \"terms\": [{\"label\": \"Run\"}, {\"label\": \"run\"}]}")
            .contains("terms[1] label 'run' repeats terms[0] label 'Run'"));
    assertTrue(error("[1, 2]").startsWith("the body must be a JSON object"));
    assertTrue(error("{\"name\": ").startsWith("the body is not valid JSON"));
    assertTrue(error("").startsWith("the request body is empty"));
  }

  @Test
  void aChangeKeepsAbsentFieldsAndClearsANullDescription() {
    VocabularyChange change =
        VocabularyJson.readChange("{\"reviewThreshold\": 0.2, \"description\": null}");
    assertNull(change.name());
    assertEquals("", change.description());
    assertEquals(0.2, change.reviewThreshold());
    assertNull(change.acceptThreshold());
    assertNull(VocabularyJson.readChange("{\"active\": false}").description());
  }

  private static String error(String json) {
    return assertThrows(InvalidVocabularyException.class, () -> VocabularyJson.readVocabulary(json))
        .getMessage();
  }
}
