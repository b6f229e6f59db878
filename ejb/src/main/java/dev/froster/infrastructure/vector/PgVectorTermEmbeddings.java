package dev.froster.infrastructure.vector;

import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.TermVector;
import dev.froster.domain.model.vocabulary.VocabularyId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code term_embedding}: one class embedding per term and model version, in the caller's
 * transaction.
 */
@ApplicationScoped
public class PgVectorTermEmbeddings {

  /** A term whose embedding a version lacks, with the texts it is computed from. */
  public record MissingTerm(long termId, TermDraft draft) {}

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  /**
   * Terms of the vocabulary (or, when null, of every active vocabulary) that the version has no
   * embedding of.
   */
  public List<MissingTerm> missing(ModelVersionId version, VocabularyId vocabulary) {
    return missingWhere(version, vocabulary == null ? "v.active" : "v.id = " + vocabulary.value());
  }

  /**
   * Terms of every vocabulary, active or not, that the version has no embedding of: a version about
   * to serve needs them all, so that reactivating a vocabulary later finds its terms embedded.
   */
  public List<MissingTerm> missingOfEveryVocabulary(ModelVersionId version) {
    return missingWhere(version, "true");
  }

  private List<MissingTerm> missingWhere(ModelVersionId version, String vocabularyCondition) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select t.id, t.label, t.description, array_to_json(t.synonyms)::text"
                    + " from term t join vocabulary v on v.id = t.vocabulary_id"
                    + " where "
                    + vocabularyCondition
                    + " and not exists (select 1 from term_embedding e"
                    + " where e.term_id = t.id and e.model_version_id = :version)"
                    + " order by t.id")
            .setParameter("version", version.value())
            .getResultList();
    List<MissingTerm> missing = new ArrayList<>();
    for (Object[] row : rows) {
      missing.add(
          new MissingTerm(
              ((Number) row[0]).longValue(),
              new TermDraft((String) row[1], (String) row[2], synonyms((String) row[3]))));
    }
    return missing;
  }

  /** Stores (or replaces) the term's embedding for the version. */
  public void store(long termId, ModelVersionId version, Embedding embedding) {
    entityManager
        .createNativeQuery(
            "insert into term_embedding (term_id, model_version_id, embedding)"
                + " values (:term, :version, cast(:vector as vector))"
                + " on conflict (term_id, model_version_id)"
                + " do update set embedding = excluded.embedding, created_at = now()")
        .setParameter("term", termId)
        .setParameter("version", version.value())
        .setParameter("vector", embedding.toPgVectorLiteral())
        .executeUpdate();
  }

  /** Drops the term's embeddings of every version (its texts changed). */
  public void forget(long termId) {
    entityManager
        .createNativeQuery("delete from term_embedding where term_id = :term")
        .setParameter("term", termId)
        .executeUpdate();
  }

  /** The class embeddings of the vocabulary's terms for the version, by term id. */
  public List<TermVector> of(VocabularyId vocabulary, ModelVersionId version) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select t.id, e.embedding::text from term t join term_embedding e"
                    + " on e.term_id = t.id and e.model_version_id = :version"
                    + " where t.vocabulary_id = :vocabulary order by t.id")
            .setParameter("version", version.value())
            .setParameter("vocabulary", vocabulary.value())
            .getResultList();
    List<TermVector> vectors = new ArrayList<>();
    for (Object[] row : rows) {
      vectors.add(new TermVector(((Number) row[0]).longValue(), parseVector((String) row[1])));
    }
    return vectors;
  }

  /** Parses pgvector's text form, e.g. {@code [0.5,-1,2]}. */
  public static float[] parseVector(String text) {
    String inner = text.strip();
    inner = inner.substring(1, inner.length() - 1);
    if (inner.isBlank()) {
      return new float[0];
    }
    String[] parts = inner.split(",");
    float[] values = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Float.parseFloat(parts[i]);
    }
    return values;
  }

  private static List<String> synonyms(String json) {
    if (json == null) {
      return List.of();
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonArray array = reader.readArray();
      return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
  }
}
