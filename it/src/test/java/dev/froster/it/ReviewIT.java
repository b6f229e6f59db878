package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The review queue on a real server and database: listing with filters and pages, each decision
 * with its review decision and audit entry, bulk decisions all or nothing, labelled examples, the
 * tags of an asset, every bad input and the roles.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewIT {

  private static final String API = "/froster/api/v1";
  private static final HttpClientAs TAGGER = HttpClientAs.user("tagger");
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");

  private ReviewFixture world;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @BeforeEach
  void aTaggedWorld() throws Exception {
    world = new ReviewFixture();
  }

  @AfterEach
  void removeIt() throws Exception {
    world.close();
  }

  @Test
  void theQueueShowsPendingItemsOldestFirstWithWhatAReviewerNeeds() throws Exception {
    long oldest =
        world.autoTag(
            world.segments[0],
            world.running,
            "pending",
            0.55,
            30,
            "[{\"termId\": "
                + world.jumping
                + ", \"confidence\": 0.25},"
                + " {\"termId\": "
                + world.waving
                + ", \"confidence\": 0.125}]");
    long newer = world.autoTag(world.segments[1], world.jumping, "pending", 0.7, 10, "[]");
    world.autoTag(world.segments[2], world.running, "accepted", 0.95, 20, "[]");

    HttpResponse<String> response = TAGGER.get(API + "/review/items?vocabulary=" + world.actions);

    assertEquals(200, response.statusCode(), response.body());
    JsonObject page = json(response).asJsonObject();
    assertEquals(List.of(oldest, newer), ids(page), response.body());
    assertFalse(page.containsKey("nextCursor"), response.body());
    JsonObject item = page.getJsonArray("items").getJsonObject(0);
    assertEquals("pending", item.getString("status"));
    assertEquals("auto", item.getString("source"));
    assertEquals(world.asset, item.getJsonObject("asset").getJsonNumber("id").longValue());
    assertEquals("Review clip " + world.unique, item.getJsonObject("asset").getString("title"));
    assertEquals(world.segments[0], item.getJsonNumber("segmentId").longValue());
    assertEquals(0, item.getJsonNumber("startMs").longValue());
    assertEquals(2000, item.getJsonNumber("endMs").longValue());
    assertTrue(
        item.getString("keyframeUrl")
            .endsWith(API + "/segments/" + world.segments[0] + "/keyframe"),
        item.toString());
    assertEquals(world.running, item.getJsonObject("term").getJsonNumber("id").longValue());
    assertEquals("running", item.getJsonObject("term").getString("label"));
    assertEquals(
        "actions-" + world.unique,
        item.getJsonObject("term").getJsonObject("vocabulary").getString("name"));
    assertEquals(0.55, item.getJsonNumber("confidence").doubleValue(), 1e-6);
    JsonArray runnersUp = item.getJsonArray("runnersUp");
    assertEquals(2, runnersUp.size(), item.toString());
    assertEquals("jumping", runnersUp.getJsonObject(0).getJsonObject("term").getString("label"));
    assertEquals(0.25, runnersUp.getJsonObject(0).getJsonNumber("confidence").doubleValue());
    assertEquals("waving", runnersUp.getJsonObject(1).getJsonObject("term").getString("label"));
    // The second segment has no keyframe: no URL that would answer 404.
    assertFalse(page.getJsonArray("items").getJsonObject(1).containsKey("keyframeUrl"));

    // The keyframe URL the queue gives works for a tagger.
    HttpResponse<String> keyframe =
        TAGGER.get(API + "/segments/" + world.segments[0] + "/keyframe");
    assertEquals(200, keyframe.statusCode());

    HttpResponse<String> one = TAGGER.get(API + "/review/items/" + oldest);
    assertEquals(200, one.statusCode(), one.body());
    assertEquals(item, json(one).asJsonObject());
  }

  @Test
  void filtersNarrowTheQueueAndPagesWalkItWithoutGapsOrRepeats() throws Exception {
    long a = world.autoTag(world.segments[0], world.running, "pending", 0.40, 50, "[]");
    long b = world.autoTag(world.segments[1], world.jumping, "pending", 0.75, 40, "[]");
    long c = world.autoTag(world.segments[2], world.waving, "pending", 0.60, 30, "[]");
    long d = world.autoTag(world.segments[3], world.running, "pending", 0.60, 20, "[]");
    long e = world.autoTag(world.otherSegment, world.running, "pending", 0.35, 10, "[]");
    long place = world.autoTag(world.segments[0], world.beach, "pending", 0.5, 5, "[]");
    String actions = "vocabulary=" + world.actions;

    assertEquals(List.of(a, b, c, d, e), ids(queue(actions)));
    assertEquals(List.of(place), ids(queue("vocabulary=" + world.places)));
    assertEquals(List.of(a, b, c, d, place), ids(queue("asset=" + world.asset)));
    assertEquals(List.of(b, c, d), ids(queue(actions + "&minConfidence=0.5&maxConfidence=0.8")));
    assertEquals(List.of(a, e), ids(queue(actions + "&maxConfidence=0.45")));
    // Highest confidence first; equal confidences in id order.
    assertEquals(List.of(b, c, d, a, e), ids(queue(actions + "&sort=confidence")));

    for (String order : List.of("oldest", "confidence")) {
      List<Long> walked = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        JsonObject page =
            queue(
                actions
                    + "&sort="
                    + order
                    + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
        walked.addAll(ids(page));
        cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        pages++;
      } while (cursor != null);
      assertEquals(3, pages, order);
      assertEquals(ids(queue(actions + "&sort=" + order)), walked, order);
    }

    // Decided items leave the queue, even between pages.
    JsonObject first = queue(actions + "&limit=2");
    assertEquals(200, decide(c, "{\"decision\": \"reject\"}").statusCode());
    assertEquals(
        List.of(d, e), ids(queue(actions + "&limit=2&cursor=" + first.getString("nextCursor"))));
  }

  @Test
  void acceptingRecordsTheDecisionAndTheAuditInTheSameChange() throws Exception {
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");

    HttpResponse<String> response = decide(tag, "{\"decision\": \"accept\", \"comment\": \"yes\"}");

    assertEquals(200, response.statusCode(), response.body());
    JsonObject decided = json(response).asJsonObject();
    assertEquals("accepted", decided.getString("status"));
    assertEquals("tagger", decided.getString("reviewer"));
    assertEquals("accepted:" + world.running, ReviewFixture.status(tag));
    assertEquals(
        "tagger:accept:" + world.running + ":" + world.running, ReviewFixture.decisions(tag));
    JsonObject entry = onlyAuditEntry(tag);
    assertEquals("tagger", entry.getString("actor"));
    assertEquals("tag.accept", entry.getString("action"));
    assertEquals("pending", entry.getJsonObject("before").getString("status"));
    assertEquals("accepted", entry.getJsonObject("after").getString("status"));
    assertEquals(world.running, entry.getJsonObject("after").getJsonNumber("termId").longValue());
  }

  @Test
  void rejectingRejectsAndIsAudited() throws Exception {
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");

    assertEquals(200, decide(tag, "{\"decision\": \"reject\"}").statusCode());

    assertEquals("rejected:" + world.running, ReviewFixture.status(tag));
    assertEquals(
        "tagger:reject:" + world.running + ":" + world.running, ReviewFixture.decisions(tag));
    JsonObject entry = onlyAuditEntry(tag);
    assertEquals("tag.reject", entry.getString("action"));
    assertEquals("rejected", entry.getJsonObject("after").getString("status"));
  }

  @Test
  void relabellingTakesTheNewTermAndKeepsSourceAndConfidence() throws Exception {
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");

    HttpResponse<String> response =
        ADMIN.post(
            API + "/review/items/" + tag + "/decision",
            "{\"decision\": \"relabel\", \"termId\": " + world.jumping + "}");

    assertEquals(200, response.statusCode(), response.body());
    JsonObject decided = json(response).asJsonObject();
    assertEquals("running", decided.getJsonObject("termBefore").getString("label"));
    assertEquals("jumping", decided.getJsonObject("termAfter").getString("label"));
    assertEquals("accepted:" + world.jumping, ReviewFixture.status(tag));
    assertEquals(
        "admin:relabel:" + world.running + ":" + world.jumping, ReviewFixture.decisions(tag));
    JsonObject item = json(TAGGER.get(API + "/review/items/" + tag)).asJsonObject();
    assertEquals("auto", item.getString("source"));
    assertEquals(0.6, item.getJsonNumber("confidence").doubleValue(), 1e-6);
    JsonObject entry = onlyAuditEntry(tag);
    assertEquals("admin", entry.getString("actor"));
    assertEquals("running", entry.getJsonObject("before").getString("term"));
    assertEquals("jumping", entry.getJsonObject("after").getString("term"));
  }

  @Test
  void theTermARelabelReplacedCanStillBeDeletedAndSoCanItsVocabulary() throws Exception {
    VocabularyClient admin = VocabularyClient.user("admin");
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");
    assertEquals(
        200,
        decide(tag, "{\"decision\": \"relabel\", \"termId\": " + world.jumping + "}").statusCode());

    HttpResponse<String> deleted =
        admin.delete(API + "/vocabularies/" + world.actions + "/terms/" + world.running);

    assertEquals(204, deleted.statusCode(), deleted.body());
    // the decision stays, no longer naming the deleted term; the audit entry keeps its label
    assertEquals("tagger:relabel:none:" + world.jumping, ReviewFixture.decisions(tag));
    assertEquals("accepted:" + world.jumping, ReviewFixture.status(tag));
    assertEquals("running", onlyAuditEntry(tag).getJsonObject("before").getString("term"));

    // a vocabulary whose terms a decision names is deleted with its tags and their decisions
    long other = world.autoTag(world.segments[1], world.jumping, "pending", 0.6, 5, "[]");
    assertEquals(
        200,
        decide(other, "{\"decision\": \"relabel\", \"termId\": " + world.waving + "}")
            .statusCode());
    HttpResponse<String> gone = admin.delete(API + "/vocabularies/" + world.actions);
    assertEquals(204, gone.statusCode(), gone.body());
    assertEquals(null, ReviewFixture.status(other));
    assertEquals("", ReviewFixture.decisions(other));
  }

  @Test
  void aDecidedItemIsAConflictNamingItAndAnUnknownOneIsNotFound() throws Exception {
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");
    assertEquals(200, decide(tag, "{\"decision\": \"accept\"}").statusCode());

    HttpResponse<String> again = decide(tag, "{\"decision\": \"reject\"}");

    assertProblem(again, 409, "conflict");
    assertTrue(detail(again).contains("tag " + tag + " is accepted"), again.body());
    assertEquals("accepted:" + world.running, ReviewFixture.status(tag));
    assertEquals(1, ReviewFixture.auditEntries(tag));
    assertProblem(decide(999_999_999L, "{\"decision\": \"accept\"}"), 404, "not-found");
    assertProblem(TAGGER.get(API + "/review/items/999999999"), 404, "not-found");
  }

  @Test
  void twoReviewersDecidingOneItemAtOnceGetOneDecisionAndOneConflict() throws Exception {
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<HttpResponse<String>> accept =
          two.submit(
              () -> {
                start.await();
                return TAGGER.post(
                    API + "/review/items/" + tag + "/decision", "{\"decision\": \"accept\"}");
              });
      Future<HttpResponse<String>> reject =
          two.submit(
              () -> {
                start.await();
                return ADMIN.post(
                    API + "/review/items/" + tag + "/decision", "{\"decision\": \"reject\"}");
              });
      start.countDown();
      List<Integer> statuses =
          new ArrayList<>(List.of(accept.get().statusCode(), reject.get().statusCode()));
      Collections.sort(statuses);
      assertEquals(List.of(200, 409), statuses, accept.get().body() + " / " + reject.get().body());
    } finally {
      two.shutdownNow();
    }
    assertEquals(1, ReviewFixture.decisions(tag).split(",").length, ReviewFixture.decisions(tag));
    assertEquals(1, ReviewFixture.auditEntries(tag));
  }

  @Test
  void aBadRelabelIsRefusedAndChangesNothing() throws Exception {
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");

    HttpResponse<String> noTerm = decide(tag, "{\"decision\": \"relabel\"}");
    assertProblem(noTerm, 400, "invalid-argument");
    assertTrue(detail(noTerm).contains("termId is required"), noTerm.body());
    HttpResponse<String> otherVocabulary =
        decide(tag, "{\"decision\": \"relabel\", \"termId\": " + world.beach + "}");
    assertProblem(otherVocabulary, 400, "invalid-decision");
    assertTrue(detail(otherVocabulary).contains("places-" + world.unique), otherVocabulary.body());
    assertProblem(
        decide(tag, "{\"decision\": \"relabel\", \"termId\": 999999999}"), 400, "invalid-decision");
    assertProblem(
        decide(tag, "{\"decision\": \"relabel\", \"termId\": " + world.running + "}"),
        400,
        "invalid-decision");
    assertProblem(
        decide(tag, "{\"decision\": \"accept\", \"termId\": " + world.jumping + "}"),
        400,
        "invalid-argument");

    assertEquals("pending:" + world.running, ReviewFixture.status(tag));
    assertEquals("", ReviewFixture.decisions(tag));
    assertEquals(0, ReviewFixture.auditEntries(tag));
  }

  @Test
  void relabellingOntoATermTheSegmentAlreadyHasIsAConflictNamingTheOtherTag() throws Exception {
    long accepted = world.autoTag(world.segments[0], world.jumping, "accepted", 0.9, 9, "[]");
    long pending = world.autoTag(world.segments[0], world.running, "pending", 0.5, 5, "[]");

    HttpResponse<String> response =
        decide(pending, "{\"decision\": \"relabel\", \"termId\": " + world.jumping + "}");

    assertProblem(response, 409, "conflict");
    assertTrue(detail(response).contains("tag " + accepted), response.body());
    assertEquals("pending:" + world.running, ReviewFixture.status(pending));
    assertEquals(0, ReviewFixture.auditEntries(pending));
  }

  @Test
  void aBulkDecisionIsAllOrNothing() throws Exception {
    long a = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");
    long b = world.autoTag(world.segments[1], world.running, "pending", 0.6, 4, "[]");
    long decided = world.autoTag(world.segments[2], world.running, "pending", 0.6, 3, "[]");
    assertEquals(200, decide(decided, "{\"decision\": \"reject\"}").statusCode());

    HttpResponse<String> unknown = bulk("[" + a + ", " + b + ", 999999999]", "accept");
    assertProblem(unknown, 404, "not-found");
    HttpResponse<String> conflict = bulk("[" + a + ", " + decided + ", " + b + "]", "accept");
    assertProblem(conflict, 409, "conflict");
    assertTrue(detail(conflict).contains("tag " + decided), conflict.body());
    HttpResponse<String> badRelabel =
        TAGGER.post(
            API + "/review/decisions",
            "{\"items\": ["
                + a
                + ", "
                + b
                + "], \"decision\": \"relabel\", \"termId\": "
                + world.beach
                + "}");
    assertProblem(badRelabel, 400, "invalid-decision");
    for (long tag : List.of(a, b)) {
      assertEquals("pending:" + world.running, ReviewFixture.status(tag));
      assertEquals("", ReviewFixture.decisions(tag));
      assertEquals(0, ReviewFixture.auditEntries(tag));
    }

    HttpResponse<String> relabel =
        TAGGER.post(
            API + "/review/decisions",
            "{\"items\": ["
                + b
                + ", "
                + a
                + "], \"decision\": \"relabel\", \"termId\": "
                + world.waving
                + "}");
    assertEquals(200, relabel.statusCode(), relabel.body());
    JsonArray outcome = json(relabel).asJsonObject().getJsonArray("decided");
    assertEquals(b, outcome.getJsonObject(0).getJsonNumber("tagId").longValue());
    assertEquals(a, outcome.getJsonObject(1).getJsonNumber("tagId").longValue());
    for (long tag : List.of(a, b)) {
      assertEquals("accepted:" + world.waving, ReviewFixture.status(tag));
      assertEquals(1, ReviewFixture.auditEntries(tag));
    }
  }

  @Test
  void acceptedAndRelabelledItemsBecomeLabelledExamplesRejectedOnesDoNot() throws Exception {
    long accepted = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");
    long relabelled = world.autoTag(world.segments[3], world.running, "pending", 0.6, 4, "[]");
    long rejected = world.autoTag(world.segments[1], world.waving, "pending", 0.6, 3, "[]");
    world.autoTag(world.segments[2], world.jumping, "pending", 0.6, 2, "[]");
    assertEquals(200, decide(accepted, "{\"decision\": \"accept\"}").statusCode());
    assertEquals(
        200,
        decide(relabelled, "{\"decision\": \"relabel\", \"termId\": " + world.jumping + "}")
            .statusCode());
    assertEquals(200, decide(rejected, "{\"decision\": \"reject\"}").statusCode());

    HttpResponse<String> response =
        ADMIN.get(API + "/review/labelled-examples?vocabulary=" + world.actions);

    assertEquals(200, response.statusCode(), response.body());
    JsonArray examples = json(response).asJsonObject().getJsonArray("examples");
    assertEquals(2, examples.size(), response.body());
    JsonObject first = examples.getJsonObject(0);
    assertEquals(world.asset, first.getJsonNumber("assetId").longValue());
    assertEquals(world.segments[0], first.getJsonNumber("segmentId").longValue());
    assertEquals(0, first.getJsonNumber("startMs").longValue());
    assertEquals(2000, first.getJsonNumber("endMs").longValue());
    assertEquals("running", first.getJsonObject("term").getString("label"));
    assertEquals("accept", first.getString("decision"));
    assertEquals("tagger", first.getString("decidedBy"));
    JsonObject second = examples.getJsonObject(1);
    assertEquals(world.segments[3], second.getJsonNumber("segmentId").longValue());
    assertEquals("jumping", second.getJsonObject("term").getString("label"));
    assertEquals("relabel", second.getString("decision"));

    // Paging by decision id.
    JsonObject firstPage =
        json(ADMIN.get(API + "/review/labelled-examples?limit=1&vocabulary=" + world.actions))
            .asJsonObject();
    long after = firstPage.getJsonNumber("nextAfter").longValue();
    JsonArray rest =
        json(ADMIN.get(
                API + "/review/labelled-examples?vocabulary=" + world.actions + "&after=" + after))
            .asJsonObject()
            .getJsonArray("examples");
    assertEquals(1, rest.size());
    assertEquals(world.segments[3], rest.getJsonObject(0).getJsonNumber("segmentId").longValue());
    assertEquals(403, TAGGER.get(API + "/review/labelled-examples").statusCode());
  }

  @Test
  void assetTagsAggregateAcceptedSegmentTagsPerTermWithMergedRanges() throws Exception {
    // running on 0-2000, 1000-3000 (overlap) and 10000-12000; jumping on 2000-4000; waving pending.
    world.autoTag(world.segments[0], world.running, "accepted", 0.9, 5, "[]");
    world.autoTag(world.segments[1], world.running, "accepted", 0.5, 5, "[]");
    world.autoTag(world.segments[3], world.running, "accepted", 0.7, 5, "[]");
    world.autoTag(world.segments[2], world.jumping, "accepted", 0.8, 5, "[]");
    world.autoTag(world.segments[2], world.waving, "pending", 0.4, 5, "[]");
    world.autoTag(world.segments[1], world.waving, "rejected", 0.45, 5, "[]");
    world.assetTag(world.asset, world.beach, "accepted");
    world.autoTag(world.otherSegment, world.running, "accepted", 0.99, 5, "[]");

    HttpResponse<String> response = ARCHIVIST.get(API + "/assets/" + world.asset + "/tags");

    assertEquals(200, response.statusCode(), response.body());
    JsonArray tags = json(response).asJsonObject().getJsonArray("tags");
    assertEquals(
        List.of("running/accepted", "jumping/accepted", "beach/accepted"),
        tags.stream().map(ReviewIT::termAndStatus).toList(),
        response.body());
    JsonObject running = tags.getJsonObject(0);
    assertEquals(3, running.getInt("segmentTags"));
    assertFalse(running.getBoolean("wholeAsset"));
    assertEquals(0.9, running.getJsonNumber("maxConfidence").doubleValue(), 1e-6);
    assertEquals(0.7, running.getJsonNumber("meanConfidence").doubleValue(), 1e-6);
    assertEquals("0-3000,10000-12000", ranges(running));
    assertEquals("2000-4000", ranges(tags.getJsonObject(1)));
    JsonObject beach = tags.getJsonObject(2);
    assertTrue(beach.getBoolean("wholeAsset"));
    assertEquals(0, beach.getInt("segmentTags"));
    assertFalse(beach.containsKey("maxConfidence"));

    JsonArray withPending =
        json(ARCHIVIST.get(API + "/assets/" + world.asset + "/tags?include=pending"))
            .asJsonObject()
            .getJsonArray("tags");
    assertEquals(
        List.of("running/accepted", "jumping/accepted", "waving/pending", "beach/accepted"),
        withPending.stream().map(ReviewIT::termAndStatus).toList());

    assertProblem(ARCHIVIST.get(API + "/assets/999999999/tags"), 404, "not-found");
    assertProblem(
        ARCHIVIST.get(API + "/assets/" + world.asset + "/tags?include=rejected"),
        400,
        "invalid-parameter");
    assertProblem(
        ARCHIVIST.get(API + "/assets/" + world.asset + "/tags?status=accepted"),
        400,
        "invalid-parameter");
  }

  @Test
  void badQueueParametersAndBodiesAre400sNamingWhatIsWrong() throws Exception {
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");
    String items = API + "/review/items?";
    assertBadParameter(items + "cursor=not-a-cursor", "cursor");
    assertBadParameter(
        items + "sort=confidence&cursor=" + oldestCursor(), "cursor was given out for sort=oldest");
    assertBadParameter(items + "minConfidence=2", "minConfidence");
    assertBadParameter(items + "maxConfidence=abc", "maxConfidence");
    assertBadParameter(items + "minConfidence=0.8&maxConfidence=0.2", "minConfidence 0.8");
    assertBadParameter(items + "colour=red", "unknown parameter colour");
    assertBadParameter(items + "limit=0", "limit");
    assertBadParameter(items + "limit=201", "limit");
    assertBadParameter(items + "asset=-3", "asset");
    assertBadParameter(items + "vocabulary=x", "vocabulary");
    assertBadParameter(items + "sort=newest", "sort");
    assertBadParameter(items + "asset=1&asset=2", "asset is given 2 times");

    String decision = API + "/review/items/" + tag + "/decision";
    assertBody(TAGGER.post(decision, "{\"decision\": "), "not a JSON object");
    assertBody(TAGGER.post(decision, "[\"accept\"]"), "not a JSON object");
    assertBody(TAGGER.post(decision, "{}"), "decision");
    assertBody(TAGGER.post(decision, "{\"decision\": 1}"), "decision");
    HttpResponse<String> maybe = TAGGER.post(decision, "{\"decision\": \"maybe\"}");
    assertProblem(maybe, 400, "invalid-argument");
    assertTrue(detail(maybe).contains("accept, reject, relabel"), maybe.body());
    assertBody(
        TAGGER.post(decision, "{\"decision\": \"relabel\", \"termId\": \"seven\"}"), "termId");
    assertBody(
        TAGGER.post(decision, "{\"decision\": \"accept\", \"why\": 1}"), "unknown field why");
    assertBody(TAGGER.post(API + "/review/decisions", "{\"decision\": \"accept\"}"), "items");
    assertBody(
        TAGGER.post(API + "/review/decisions", "{\"items\": [1.5], \"decision\": \"accept\"}"),
        "items[0]");
    assertProblem(
        TAGGER.post(API + "/review/decisions", "{\"items\": [], \"decision\": \"accept\"}"),
        400,
        "invalid-decision");
    HttpResponse<String> twice =
        TAGGER.post(
            API + "/review/decisions",
            "{\"items\": [" + tag + ", " + tag + "], \"decision\": \"accept\"}");
    assertProblem(twice, 400, "invalid-decision");
    assertTrue(detail(twice).contains("twice"), twice.body());
    assertEquals("pending:" + world.running, ReviewFixture.status(tag));

    assertBadParameter(API + "/audit", "entityType is required", ADMIN);
    assertBadParameter(API + "/audit?entityType=tag&limit=5000", "limit", ADMIN);
  }

  @Test
  void reviewNeedsATaggerOrAdminAndTheAuditAnAdmin() throws Exception {
    long tag = world.autoTag(world.segments[0], world.running, "pending", 0.6, 5, "[]");
    for (String path :
        List.of(
            "/review/items",
            "/review/items/" + tag,
            "/review/labelled-examples",
            "/audit?entityType=tag",
            "/assets/" + world.asset + "/tags")) {
      assertEquals(401, HttpClientAs.anonymousGet(API + path).statusCode(), path);
    }
    assertEquals(401, anonymousPost(API + "/review/items/" + tag + "/decision").statusCode());
    assertEquals(401, anonymousPost(API + "/review/decisions").statusCode());

    assertEquals(403, ARCHIVIST.get(API + "/review/items").statusCode());
    assertEquals(403, ARCHIVIST.get(API + "/review/items/" + tag).statusCode());
    assertEquals(
        403,
        ARCHIVIST
            .post(API + "/review/items/" + tag + "/decision", "{\"decision\": \"accept\"}")
            .statusCode());
    assertEquals(
        403,
        ARCHIVIST
            .post(API + "/review/decisions", "{\"items\": [" + tag + "], \"decision\": \"accept\"}")
            .statusCode());
    assertEquals(403, ARCHIVIST.get(API + "/review/labelled-examples").statusCode());
    assertEquals(403, TAGGER.get(API + "/audit?entityType=tag").statusCode());
    assertEquals(403, ARCHIVIST.get(API + "/audit?entityType=tag").statusCode());
    assertEquals("pending:" + world.running, ReviewFixture.status(tag));

    assertEquals(200, ADMIN.get(API + "/review/items?limit=1").statusCode());
    assertEquals(200, TAGGER.get(API + "/assets/" + world.asset + "/tags").statusCode());
  }

  private JsonObject queue(String query) throws Exception {
    HttpResponse<String> response = TAGGER.get(API + "/review/items?" + query);
    assertEquals(200, response.statusCode(), query + ": " + response.body());
    return json(response).asJsonObject();
  }

  private static HttpResponse<String> decide(long tag, String body) throws Exception {
    return TAGGER.post(API + "/review/items/" + tag + "/decision", body);
  }

  private static HttpResponse<String> bulk(String items, String decision) throws Exception {
    return TAGGER.post(
        API + "/review/decisions",
        "{\"items\": " + items + ", \"decision\": \"" + decision + "\"}");
  }

  /** The tag's one audit entry, read through the audit endpoint as an admin. */
  private static JsonObject onlyAuditEntry(long tag) throws Exception {
    HttpResponse<String> response = ADMIN.get(API + "/audit?entityType=tag&entityId=" + tag);
    assertEquals(200, response.statusCode(), response.body());
    JsonArray entries = json(response).asJsonObject().getJsonArray("entries");
    assertEquals(1, entries.size(), response.body());
    JsonObject entry = entries.getJsonObject(0);
    assertEquals(Long.toString(tag), entry.getString("entityId"));
    assertEquals("tag", entry.getString("entityType"));
    return entry;
  }

  /** A cursor the oldest-first order gave out, from a one-item page over two items. */
  private String oldestCursor() throws Exception {
    world.autoTag(world.segments[1], world.running, "pending", 0.6, 4, "[]");
    return queue("vocabulary=" + world.actions + "&limit=1").getString("nextCursor");
  }

  private static List<Long> ids(JsonObject page) {
    return page.getJsonArray("items").stream()
        .map(item -> item.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  private static String termAndStatus(JsonValue tag) {
    JsonObject object = tag.asJsonObject();
    return object.getJsonObject("term").getString("label") + "/" + object.getString("status");
  }

  private static String ranges(JsonObject tag) {
    return tag.getJsonArray("ranges").stream()
        .map(JsonValue::asJsonObject)
        .map(r -> r.getJsonNumber("startMs") + "-" + r.getJsonNumber("endMs"))
        .collect(Collectors.joining(","));
  }

  private static void assertBadParameter(String path, String expected) throws Exception {
    assertBadParameter(path, expected, TAGGER);
  }

  private static void assertBadParameter(String path, String expected, HttpClientAs as)
      throws Exception {
    HttpResponse<String> response = as.get(path);
    assertEquals(400, response.statusCode(), path + ": " + response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""), path);
    assertTrue(detail(response).contains(expected), path + ": " + response.body());
  }

  private static void assertBody(HttpResponse<String> response, String expected) {
    assertProblem(response, 400, "invalid-request");
    assertTrue(detail(response).contains(expected), response.body());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("urn:froster:problem:" + type, json(response).asJsonObject().getString("type"));
  }

  private static String detail(HttpResponse<String> response) {
    return json(response).asJsonObject().getString("detail");
  }

  private static HttpResponse<String> anonymousPost(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(HttpClientAs.server(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"accept\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
