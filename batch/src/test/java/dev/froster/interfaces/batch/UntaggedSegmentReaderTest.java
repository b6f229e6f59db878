package dev.froster.interfaces.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.domain.model.vocabulary.VocabularyId;
import org.junit.jupiter.api.Test;

class UntaggedSegmentReaderTest {

  @Test
  void anEmptyVocabularyParameterMeansEveryActiveVocabulary() {
    assertNull(UntaggedSegmentReader.vocabulary(null));
    assertNull(UntaggedSegmentReader.vocabulary(" "));
    assertEquals(new VocabularyId(12), UntaggedSegmentReader.vocabulary("12"));
  }

  @Test
  void aBadVocabularyParameterIsNamed() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> UntaggedSegmentReader.vocabulary("x"))
            .getMessage()
            .contains("job parameter vocabulary"));
  }
}
