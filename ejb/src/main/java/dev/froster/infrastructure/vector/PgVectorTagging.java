package dev.froster.infrastructure.vector;

import dev.froster.application.UntaggedSegment;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.vocabulary.ScoredTerm;
import dev.froster.domain.model.vocabulary.TagDecision;
import dev.froster.domain.model.vocabulary.VocabularyId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL of automatic tagging, in the caller's transaction. Exactly-once rests on the database:
 * {@code segment_tagging}'s key says which (segment, vocabulary, version) was scored, and an
 * automatic tag is inserted at most once per (segment, term, version) ({@code tag_auto_once}); both
 * inserts ignore rows that exist, so a chunk repeated after a stop or a crash changes nothing.
 *
 * <p>A decided automatic tag stands: a segment whose tag of a vocabulary was accepted by the
 * thresholds gets no new suggestion from that vocabulary with the same version when the vocabulary
 * changes and is scored again, and one a reviewer accepted, rejected or relabelled gets none with
 * any version. Otherwise a relabel from "run" to "jump" would bring "run" back to the review queue,
 * and an accepted tag would get a rival (see {@code CurrentTags} for the tags shown).
 *
 * <p>The vocabularies a segment is scored against: the one named, or else every active vocabulary;
 * a vocabulary without terms is never scored (there is nothing to choose among).
 */
@ApplicationScoped
public class PgVectorTagging {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  /** Segments embedded by the version with an id above {@code after} lacking a scoring, by id. */
  public List<UntaggedSegment> nextUntagged(
      ModelVersionId version, VocabularyId vocabulary, long after, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select e.segment_id, e.embedding::text from segment_embedding e"
                    + " where e.model_version_id = :version and e.segment_id > :after"
                    + " and exists ("
                    + lackingVocabulary(vocabulary)
                    + ") order by e.segment_id limit :limit")
            .setParameter("version", version.value())
            .setParameter("after", after)
            .setParameter("limit", limit)
            .getResultList();
    List<UntaggedSegment> segments = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      segments.add(
          new UntaggedSegment(
              ((Number) row[0]).longValue(), PgVectorTermEmbeddings.parseVector((String) row[1])));
    }
    return segments;
  }

  /** How many segments with an id above {@code after} lack a scoring. */
  public long countUntagged(ModelVersionId version, VocabularyId vocabulary, long after) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "select count(*) from segment_embedding e"
                        + " where e.model_version_id = :version and e.segment_id > :after"
                        + " and exists ("
                        + lackingVocabulary(vocabulary)
                        + ")")
                .setParameter("version", version.value())
                .setParameter("after", after)
                .getSingleResult())
        .longValue();
  }

  /**
   * The vocabularies each of the segments still has to be scored against, by segment id (segments
   * lacking none are absent).
   */
  public Map<Long, List<VocabularyId>> vocabulariesLacking(
      List<Long> segmentIds, ModelVersionId version, VocabularyId vocabulary) {
    Map<Long, List<VocabularyId>> lacking = new HashMap<>();
    if (segmentIds.isEmpty()) {
      return lacking;
    }
    // the ids are longs read from the database, so they can be written into the statement
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select e.segment_id, voc.id from vocabulary voc, segment_embedding e"
                    + " where e.model_version_id = :version and e.segment_id in ("
                    + segmentIds.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + ") and "
                    + vocabularyFilter(vocabulary)
                    + " and exists (select 1 from term t where t.vocabulary_id = voc.id)"
                    + " and not exists (select 1 from segment_tagging st"
                    + " where st.segment_id = e.segment_id and st.vocabulary_id = voc.id"
                    + " and st.model_version_id = e.model_version_id)"
                    + " order by e.segment_id, voc.id")
            .setParameter("version", version.value())
            .getResultList();
    for (Object[] row : rows) {
      lacking
          .computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
          .add(new VocabularyId(((Number) row[1]).longValue()));
    }
    return lacking;
  }

  /**
   * Whether an active vocabulary with terms has scored fewer segments with the version than the
   * version embedded. Counts (index-only scans) rather than an anti-join over every embedding, as
   * the pipeline asks this at every poll; scorings only exist for embedded segments.
   */
  public boolean anyUntagged(ModelVersionId version) {
    Object any =
        entityManager
            .createNativeQuery(
                "with embedded as (select count(*) as n from segment_embedding"
                    + " where model_version_id = :version)"
                    + " select exists (select 1 from vocabulary voc, embedded"
                    + " where voc.active and exists (select 1 from term t where t.vocabulary_id = voc.id)"
                    + " and (select count(*) from segment_tagging st where st.vocabulary_id = voc.id"
                    + " and st.model_version_id = :version) < embedded.n)")
            .setParameter("version", version.value())
            .getSingleResult();
    return Boolean.TRUE.equals(any);
  }

  /**
   * Share-locks the vocabularies a chunk is about to score (the one named, or every active one), in
   * id order, until the chunk's transaction ends: a change to a vocabulary (which locks it for
   * update, {@code VocabularyRepository.findForUpdate}) waits for the chunk, or the chunk for the
   * change and then reads the changed terms. Taken before anything of the vocabulary is read.
   */
  public void lockForScoring(VocabularyId vocabulary) {
    entityManager
        .createNativeQuery(
            "select voc.id from vocabulary voc where "
                + vocabularyFilter(vocabulary)
                + " order by voc.id for share")
        .getResultList();
  }

  /**
   * Records that the segment was scored against the vocabulary, with its tag if it got one.
   *
   * @return whether a new tag was inserted
   */
  public boolean record(
      long segmentId, VocabularyId vocabulary, ModelVersionId version, TagDecision decision) {
    int tags = 0;
    if (decision != null) {
      tags =
          entityManager
              .createNativeQuery(
                  "insert into tag (segment_id, term_id, model_version_id, confidence, source,"
                      + " status, start_ms, end_ms, alternatives)"
                      + " select s.id, :term, :version, :confidence, 'auto', :status,"
                      + " s.start_ms, s.end_ms, cast(:alternatives as jsonb)"
                      + " from segment s where s.id = :segment"
                      + " and not exists (select 1 from tag decided"
                      + " join term dt on dt.id = decided.term_id"
                      + " where decided.segment_id = s.id and decided.source = 'auto'"
                      + " and decided.status <> 'pending'"
                      + " and dt.vocabulary_id = (select vocabulary_id from term where id = :term)"
                      + " and (decided.model_version_id = :version or exists (select 1"
                      + " from review_decision d where d.tag_id = decided.id)))"
                      + " on conflict (segment_id, term_id, model_version_id) where source = 'auto'"
                      + " do nothing")
              .setParameter("term", decision.best().termId())
              .setParameter("version", version.value())
              .setParameter("confidence", (float) decision.best().confidence())
              .setParameter("status", decision.status().column())
              .setParameter("alternatives", alternatives(decision.alternatives()))
              .setParameter("segment", segmentId)
              .executeUpdate();
    }
    entityManager
        .createNativeQuery(
            "insert into segment_tagging (segment_id, vocabulary_id, model_version_id)"
                + " values (:segment, :vocabulary, :version) on conflict do nothing")
        .setParameter("segment", segmentId)
        .setParameter("vocabulary", vocabulary.value())
        .setParameter("version", version.value())
        .executeUpdate();
    return tags > 0;
  }

  /**
   * Forgets that the vocabulary's segments were scored, and drops its automatic tags still pending
   * review with the version, so that the segments are tagged again with the changed vocabulary.
   * Accepted, rejected and manual tags stay.
   *
   * @param activeVersion null when no version is active (then only the scorings are forgotten)
   */
  public void invalidate(VocabularyId vocabulary, ModelVersionId activeVersion) {
    entityManager
        .createNativeQuery("delete from segment_tagging where vocabulary_id = :vocabulary")
        .setParameter("vocabulary", vocabulary.value())
        .executeUpdate();
    if (activeVersion != null) {
      entityManager
          .createNativeQuery(
              "delete from tag where source = 'auto' and status = 'pending'"
                  + " and model_version_id = :version"
                  + " and term_id in (select id from term where vocabulary_id = :vocabulary)")
          .setParameter("version", activeVersion.value())
          .setParameter("vocabulary", vocabulary.value())
          .executeUpdate();
    }
  }

  private static String lackingVocabulary(VocabularyId vocabulary) {
    return "select 1 from vocabulary voc where "
        + vocabularyFilter(vocabulary)
        + " and exists (select 1 from term t where t.vocabulary_id = voc.id)"
        + " and not exists (select 1 from segment_tagging st"
        + " where st.segment_id = e.segment_id and st.vocabulary_id = voc.id"
        + " and st.model_version_id = e.model_version_id)";
  }

  /** The id is a parsed long, so it can be written into the statement. */
  private static String vocabularyFilter(VocabularyId vocabulary) {
    return vocabulary == null ? "voc.active" : "voc.id = " + vocabulary.value();
  }

  private static String alternatives(List<ScoredTerm> alternatives) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (ScoredTerm alternative : alternatives) {
      array.add(
          Json.createObjectBuilder()
              .add("termId", alternative.termId())
              .add("confidence", alternative.confidence()));
    }
    return array.build().toString();
  }
}
