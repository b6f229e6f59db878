package dev.froster.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.application.UploadTooLargeException;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** What the vocabulary resource reads itself: the CSV query flags and the size of a file. */
class VocabularyResourceTest {

  @Test
  void activeIsTrueOrFalseAndAbsentMeansActive() {
    assertTrue(VocabularyResource.flag("active", null, true));
    assertTrue(VocabularyResource.flag("active", "TRUE", false));
    assertFalse(VocabularyResource.flag("active", " false ", true));
  }

  @Test
  void anythingElseIsRefusedNotReadAsFalse() {
    for (String value : new String[] {"yes", "1", "", "on"}) {
      InvalidVocabularyException refused =
          assertThrows(
              InvalidVocabularyException.class,
              () -> VocabularyResource.flag("active", value, true));
      assertTrue(refused.getMessage().contains("active must be true or false"), value);
    }
  }

  @Test
  void aVocabularyFileIsReadUpToItsLimitAndRefusedAboveIt() throws Exception {
    byte[] largest = new byte[VocabularyResource.MAX_FILE_BYTES];
    assertEquals(
        largest.length, VocabularyResource.bounded(new ByteArrayInputStream(largest)).length);
    assertEquals(0, VocabularyResource.bounded(null).length);
    InputStream oneByteMore =
        new java.io.SequenceInputStream(
            new ByteArrayInputStream(largest), new ByteArrayInputStream(new byte[1]));
    UploadTooLargeException refused =
        assertThrows(UploadTooLargeException.class, () -> VocabularyResource.bounded(oneByteMore));
    assertTrue(refused.getMessage().contains("a vocabulary file"), refused.getMessage());
    assertEquals(0, VocabularyResource.bounded(InputStream.nullInputStream()).length);
  }
}
