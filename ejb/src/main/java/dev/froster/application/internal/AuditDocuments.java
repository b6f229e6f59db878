package dev.froster.application.internal;

import dev.froster.application.VocabularyDetails;
import dev.froster.application.VocabularyDetails.TermDetails;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** The before/after states of vocabularies and terms as the audit trail stores them. */
final class AuditDocuments {

  private AuditDocuments() {}

  /** The vocabulary's settings and its terms. */
  static String of(VocabularyDetails vocabulary) {
    JsonArrayBuilder terms = Json.createArrayBuilder();
    vocabulary.terms().forEach(term -> terms.add(term(term)));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", vocabulary.id())
            .add("name", vocabulary.name())
            .add("acceptThreshold", vocabulary.thresholds().accept())
            .add("reviewThreshold", vocabulary.thresholds().review())
            .add("active", vocabulary.active())
            .add("terms", terms);
    if (vocabulary.description() != null) {
      json.add("description", vocabulary.description());
    }
    return json.build().toString();
  }

  static String of(TermDetails term) {
    return term(term).build().toString();
  }

  private static JsonObjectBuilder term(TermDetails term) {
    JsonArrayBuilder synonyms = Json.createArrayBuilder();
    term.synonyms().forEach(synonyms::add);
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", term.id())
            .add("label", term.label())
            .add("synonyms", synonyms);
    if (term.description() != null) {
      json.add("description", term.description());
    }
    return json;
  }
}
