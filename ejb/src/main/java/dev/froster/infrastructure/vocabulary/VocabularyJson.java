package dev.froster.infrastructure.vocabulary;

import dev.froster.application.VocabularyChange;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.Thresholds;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Vocabularies and terms as JSON: {@code {"name", "description", "acceptThreshold",
 * "reviewThreshold", "active", "terms": [{"label", "description", "synonyms": [...]}]}}. Reading is
 * strict: a field of the wrong type or an unknown field is refused by its path (e.g. {@code
 * terms[2].synonyms}), so a typo does not silently lose a setting.
 */
public final class VocabularyJson {

  private static final Set<String> VOCABULARY_FIELDS =
      Set.of("name", "description", "acceptThreshold", "reviewThreshold", "active", "terms");
  private static final Set<String> TERM_FIELDS = Set.of("label", "description", "synonyms");

  private VocabularyJson() {}

  /**
   * A whole vocabulary (an import or a create request).
   *
   * @throws InvalidVocabularyException naming the first wrong field
   */
  public static VocabularyDraft readVocabulary(String json) {
    JsonObject object = object(json, VOCABULARY_FIELDS, "");
    Thresholds thresholds =
        Thresholds.of(number(object, "acceptThreshold", ""), number(object, "reviewThreshold", ""));
    Boolean active = bool(object, "active");
    List<TermDraft> terms = new ArrayList<>();
    JsonValue termsValue = object.get("terms");
    if (termsValue != null && termsValue.getValueType() != JsonValue.ValueType.NULL) {
      if (termsValue.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new InvalidVocabularyException("terms must be an array of terms");
      }
      JsonArray array = termsValue.asJsonArray();
      if (array.size() > VocabularyCsv.MAX_TERMS) {
        throw new InvalidVocabularyException(
            "terms has " + array.size() + " terms, at most " + VocabularyCsv.MAX_TERMS);
      }
      for (int i = 0; i < array.size(); i++) {
        String where = "terms[" + i + "]";
        if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
          throw new InvalidVocabularyException(where + " must be an object");
        }
        terms.add(term(array.getJsonObject(i), where));
      }
    }
    return VocabularyDraft.of(
        string(object, "name", ""),
        string(object, "description", ""),
        thresholds,
        active == null || active,
        terms,
        i -> "terms[" + i + "]");
  }

  /**
   * One term ({@code {"label", "description", "synonyms"}}).
   *
   * @throws InvalidVocabularyException naming the first wrong field
   */
  public static TermDraft readTerm(String json) {
    return term(object(json, TERM_FIELDS, ""), "");
  }

  /**
   * A change of settings; absent fields stay as they are.
   *
   * @throws InvalidVocabularyException naming the first wrong field
   */
  public static VocabularyChange readChange(String json) {
    JsonObject object =
        object(
            json,
            Set.of("name", "description", "acceptThreshold", "reviewThreshold", "active"),
            "");
    String description = string(object, "description", "");
    if (object.containsKey("description") && description == null) {
      description = "";
    }
    return new VocabularyChange(
        string(object, "name", ""),
        description,
        number(object, "acceptThreshold", ""),
        number(object, "reviewThreshold", ""),
        bool(object, "active"));
  }

  /** The vocabulary as {@link #readVocabulary} reads it. */
  public static JsonObject write(VocabularyDraft vocabulary) {
    JsonArrayBuilder terms = Json.createArrayBuilder();
    vocabulary.terms().forEach(term -> terms.add(write(term)));
    JsonObjectBuilder json = Json.createObjectBuilder().add("name", vocabulary.name());
    if (vocabulary.description() != null) {
      json.add("description", vocabulary.description());
    }
    return json.add("acceptThreshold", vocabulary.thresholds().accept())
        .add("reviewThreshold", vocabulary.thresholds().review())
        .add("active", vocabulary.active())
        .add("terms", terms)
        .build();
  }

  public static JsonObject write(TermDraft term) {
    JsonArrayBuilder synonyms = Json.createArrayBuilder();
    term.synonyms().forEach(synonyms::add);
    JsonObjectBuilder json = Json.createObjectBuilder().add("label", term.label());
    if (term.description() != null) {
      json.add("description", term.description());
    }
    return json.add("synonyms", synonyms).build();
  }

  private static TermDraft term(JsonObject object, String where) {
    String prefix = where.isEmpty() ? "" : where + ".";
    for (String field : object.keySet()) {
      if (!TERM_FIELDS.contains(field)) {
        throw new InvalidVocabularyException(
            "unknown field " + prefix + field + ", a term has " + TERM_FIELDS);
      }
    }
    List<String> synonyms = new ArrayList<>();
    JsonValue value = object.get("synonyms");
    if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
      if (value.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new InvalidVocabularyException(prefix + "synonyms must be an array of strings");
      }
      for (JsonValue synonym : value.asJsonArray()) {
        if (synonym.getValueType() != JsonValue.ValueType.STRING) {
          throw new InvalidVocabularyException(prefix + "synonyms must be an array of strings");
        }
        synonyms.add(((JsonString) synonym).getString());
      }
    }
    return TermDraft.of(
        where, string(object, "label", prefix), string(object, "description", prefix), synonyms);
  }

  private static JsonObject object(String json, Set<String> fields, String prefix) {
    if (json == null || json.isBlank()) {
      throw new InvalidVocabularyException("the request body is empty, a JSON object is needed");
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (JsonException | IllegalStateException notJson) {
      throw new InvalidVocabularyException("the body is not valid JSON: " + notJson.getMessage());
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidVocabularyException("the body must be a JSON object");
    }
    JsonObject object = value.asJsonObject();
    for (String field : object.keySet()) {
      if (!fields.contains(field)) {
        throw new InvalidVocabularyException(
            "unknown field " + prefix + field + ", the fields are " + fields);
      }
    }
    return object;
  }

  private static String string(JsonObject object, String field, String prefix) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidVocabularyException(prefix + field + " must be a string");
    }
    return ((JsonString) value).getString();
  }

  private static Double number(JsonObject object, String field, String prefix) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw new InvalidVocabularyException(
          prefix + field + " must be a number from 0 to 1, was " + value);
    }
    return ((JsonNumber) value).doubleValue();
  }

  private static Boolean bool(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    throw new InvalidVocabularyException(field + " must be true or false");
  }
}
