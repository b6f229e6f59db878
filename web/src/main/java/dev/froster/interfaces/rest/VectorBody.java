package dev.froster.interfaces.rest;

import dev.froster.domain.model.embedding.Embedding;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Reads {@code {"vector": [0.1, -0.2, ...]}} into an {@link Embedding}, naming the offending field
 * or element when the body is not that.
 */
final class VectorBody {

  static final String FIELD = "vector";

  private VectorBody() {}

  static Embedding parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("request body is empty, expected {\"vector\": [numbers]}");
    }
    JsonObject object;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException malformed) {
      throw new InvalidRequestException(
          "request body is not a JSON object: " + malformed.getMessage());
    }
    JsonValue vector = object.get(FIELD);
    if (vector == null || vector.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException("field '" + FIELD + "' must be an array of numbers");
    }
    JsonArray elements = vector.asJsonArray();
    double[] values = new double[elements.size()];
    for (int i = 0; i < values.length; i++) {
      JsonValue element = elements.get(i);
      if (element.getValueType() != JsonValue.ValueType.NUMBER) {
        throw new InvalidRequestException(FIELD + "[" + i + "] is " + element + ", not a number");
      }
      values[i] = ((JsonNumber) element).doubleValue();
    }
    return Embedding.of(values);
  }
}
