package dev.froster.domain.model.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecisionTest {

  @Test
  void readsTheLowerCaseWordsOfTheApi() {
    assertEquals(Decision.ACCEPT, Decision.of("accept"));
    assertEquals(Decision.REJECT, Decision.of("reject"));
    assertEquals(Decision.RELABEL, Decision.of("relabel"));
    assertEquals("relabel", Decision.RELABEL.word());
  }

  @Test
  void anUnknownOrMissingWordNamesTheFieldAndTheChoices() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> Decision.of("ACCEPT"));
    assertTrue(
        unknown.getMessage().startsWith("decision must be one of accept, reject, relabel"),
        unknown.getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Decision.of(null))
            .getMessage()
            .contains("missing"));
  }
}
