package dev.froster.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.domain.model.embedding.InvalidEmbeddingException;
import org.junit.jupiter.api.Test;

class VectorBodyTest {

  @Test
  void readsTheVectorField() {
    assertArrayEquals(
        new float[] {0.5f, -1f, 2f}, VectorBody.parse("{\"vector\": [0.5, -1, 2e0]}").toArray());
  }

  @Test
  void rejectsMalformedJson() {
    InvalidRequestException error =
        assertThrows(InvalidRequestException.class, () -> VectorBody.parse("{\"vector\": [1, 2"));
    assertTrue(
        error.getMessage().startsWith("request body is not a JSON object"), error.getMessage());
  }

  @Test
  void rejectsAMissingOrWrongTypedField() {
    assertThrows(InvalidRequestException.class, () -> VectorBody.parse("{\"values\": [1]}"));
    assertThrows(InvalidRequestException.class, () -> VectorBody.parse("{\"vector\": \"1,2\"}"));
    assertThrows(InvalidRequestException.class, () -> VectorBody.parse(""));
    assertThrows(InvalidRequestException.class, () -> VectorBody.parse("[1, 2]"));
  }

  @Test
  void namesTheElementThatIsNotANumber() {
    InvalidRequestException error =
        assertThrows(
            InvalidRequestException.class, () -> VectorBody.parse("{\"vector\": [1, \"x\", 3]}"));
    assertTrue(error.getMessage().startsWith("vector[1]"), error.getMessage());
  }

  @Test
  void rejectsNumbersBeyondAFloat() {
    assertThrows(
        InvalidEmbeddingException.class, () -> VectorBody.parse("{\"vector\": [1, 1e999]}"));
  }
}
