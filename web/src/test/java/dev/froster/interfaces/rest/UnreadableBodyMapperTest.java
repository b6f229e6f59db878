package dev.froster.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class UnreadableBodyMapperTest {

  public record Registration(String name, String bundlePath) {}

  private static String detailFor(String body) {
    JsonbException error =
        assertThrows(
            JsonbException.class, () -> JsonbBuilder.create().fromJson(body, Registration.class));
    return UnreadableBodyMapper.detail(error);
  }

  @Test
  void malformedJsonIsReportedWithItsPositionOnly() {
    assertEquals("request body is not valid JSON (line 1, column 3)", detailFor("{"));
  }

  @Test
  void jsonOfTheWrongShapeNamesNoJavaClass() {
    String expected =
        "request body is JSON but not the expected object: the body or one of its fields has the"
            + " wrong type";
    assertEquals(expected, detailFor("[1]"));
    assertEquals(expected, detailFor("{\"name\": [1]}"));
  }
}
