package dev.froster.infrastructure.persistence.jpa;

import static dev.froster.infrastructure.persistence.CatalogueRows.asset;
import static dev.froster.infrastructure.persistence.CatalogueRows.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.application.ReviewOrder;
import dev.froster.application.ReviewQueueQuery;
import dev.froster.application.TagOccurrence;
import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.vocabulary.ScoredTerm;
import dev.froster.domain.model.vocabulary.TagDecision;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.infrastructure.persistence.MigratedDatabase;
import dev.froster.infrastructure.vector.PgVectorTagging;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which automatic tags count once another model version is active, on a real migrated database: the
 * review queue and the asset tags ({@link SqlTagQueries}) and new suggestions ({@link
 * PgVectorTagging}).
 */
class CurrentTagsTest {

  private static final ReviewQueueQuery QUEUE =
      new ReviewQueueQuery(null, null, null, null, ReviewOrder.OLDEST, null, 50);

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private EntityManager em;
  private SqlTagQueries queries;
  private PgVectorTagging tagging;
  private long old;
  private long current;
  private long vocabulary;
  private long run;
  private long jump;
  private long asset;
  private long[] segments;

  /** A retired version "old", the active version "current", one asset of three segments. */
  @BeforeEach
  void twoVersions() throws Exception {
    em = DATABASE.entityManager();
    em.getTransaction().begin();
    queries = MigratedDatabase.inject(new SqlTagQueries(), em);
    tagging = MigratedDatabase.inject(new PgVectorTagging(), em);
    old =
        id(
            "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status)"
                + " values ('old', '/m/old', repeat('0', 64), 3, 'retired') returning id");
    current =
        id(
            "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status,"
                + " activated_at) values ('current', '/m/current', repeat('1', 64), 3, 'active',"
                + " now()) returning id");
    vocabulary =
        id(
            "insert into vocabulary (name, accept_threshold, review_threshold)"
                + " values ('actions', 0.8, 0.3) returning id");
    run = term("run");
    jump = term("jump");
    asset = asset(em, 1, "embedded");
    segments = new long[] {segment(em, asset, 0), segment(em, asset, 1), segment(em, asset, 2)};
  }

  @AfterEach
  void rollBack() {
    em.getTransaction().rollback();
    em.close();
  }

  @Test
  void theQueueAndTheAssetTagsShowTheActiveVersionsSuggestionsAndEveryReviewersDecision() {
    long oldPending = autoTag(segments[0], run, old, "pending");
    autoTag(segments[1], run, old, "accepted");
    long oldRelabelled = autoTag(segments[2], jump, old, "accepted");
    decide(oldRelabelled, run, jump);
    long currentPending = autoTag(segments[0], jump, current, "pending");
    autoTag(segments[1], run, current, "accepted");

    assertEquals(List.of(currentPending), pendingIds());
    // by tag id: the old version's decided tag, then the current version's two; the old
    // version's pending and threshold-accepted tags are superseded
    assertEquals(
        List.of(segments[2], segments[0], segments[1]),
        queries.occurrences(new AssetId(asset), true).stream()
            .map(TagOccurrence::segmentId)
            .toList());

    // with no version active, none is superseded
    em.createNativeQuery("update model_version set status = 'retired' where id = " + current)
        .executeUpdate();
    assertEquals(List.of(oldPending, currentPending), pendingIds());
    assertEquals(5, queries.occurrences(new AssetId(asset), true).size());
  }

  @Test
  void aReviewersDecisionStandsAgainstTheSuggestionsOfEveryVersion() {
    long relabelled = autoTag(segments[0], jump, old, "accepted");
    decide(relabelled, run, jump);
    autoTag(segments[1], run, old, "accepted");
    autoTag(segments[2], run, current, "accepted");

    assertFalse(suggest(segments[0], run, current), "the reviewer said jump, not run");
    assertTrue(suggest(segments[1], jump, current), "only a retired version accepted run");
    assertFalse(suggest(segments[2], jump, current), "this version accepted run already");
  }

  private boolean suggest(long segment, long term, long version) {
    return tagging.record(
        segment,
        new VocabularyId(vocabulary),
        new ModelVersionId(version),
        new TagDecision(new ScoredTerm(term, 0.5), TagDecision.Status.PENDING, List.of()));
  }

  private List<Long> pendingIds() {
    return queries.pending(QUEUE, 50).stream().map(item -> item.id().value()).toList();
  }

  private long term(String label) {
    return id(
        "insert into term (vocabulary_id, label) values ("
            + vocabulary
            + ", '"
            + label
            + "') returning id");
  }

  private long autoTag(long segment, long term, long version, String status) {
    return id(
        "insert into tag (segment_id, term_id, model_version_id, confidence, source, status,"
            + " start_ms, end_ms) select id, "
            + term
            + ", "
            + version
            + ", 0.5, 'auto', '"
            + status
            + "', start_ms, end_ms from segment where id = "
            + segment
            + " returning id");
  }

  /** A reviewer relabelled the tag from {@code before} to {@code after}. */
  private void decide(long tag, long before, long after) {
    em.createNativeQuery(
            "insert into review_decision (tag_id, reviewer, decision, term_before_id,"
                + " term_after_id) values ("
                + tag
                + ", 'tagger', 'relabel', "
                + before
                + ", "
                + after
                + ")")
        .executeUpdate();
  }

  private long id(String insertReturningId) {
    return ((Number) em.createNativeQuery(insertReturningId).getSingleResult()).longValue();
  }
}
