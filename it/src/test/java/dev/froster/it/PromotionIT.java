package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static dev.froster.it.PromotionFixture.ADMIN;
import static dev.froster.it.PromotionFixture.API;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, item 3, in the real server: promoting a candidate re-embeds the catalogue beside the
 * active version while search keeps answering from it, and switches only when complete; rollback in
 * one call; a stopped promotion leaves the old version serving and resumes without duplicates;
 * purging a retired version's embeddings. The reembed job runs one item per chunk with a pause
 * (it/pom.xml), so queries can be made while it is half-way.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromotionIT {

  private static final PromotionFixture FIXTURE = new PromotionFixture();

  private static long first;
  private static long second;
  private static long third;
  private static List<Long> assets;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @AfterAll
  static void removeWhatTheTestsMade() throws Exception {
    FIXTURE.close();
  }

  @Test
  @Order(1)
  void searchAnswersFromTheOldVersionWhileTheCandidateReembedsAndFromTheNewOneAfter()
      throws Exception {
    first = FIXTURE.registerCandidate("first");
    FIXTURE.activate(first);
    assets = FIXTURE.assets(6, 4);
    FIXTURE.embed(first, assets);
    assertEquals(first, PromotionFixture.searchedWith());
    second = FIXTURE.registerCandidate("second");

    HttpResponse<String> promoted = ADMIN.post(API + "/models/" + second + "/promote", "");
    assertEquals(202, promoted.statusCode(), promoted.body());
    long execution = json(promoted).asJsonObject().getJsonNumber("executionId").longValue();
    assertTrue(
        promoted.headers().firstValue("Location").orElseThrow().endsWith("/jobs/" + execution));

    int queriesHalfWay = 0;
    JsonObject job = PromotionFixture.job(execution);
    while (PromotionFixture.running(job)) {
      long answeredBy = PromotionFixture.searchedWith();
      JsonObject after = PromotionFixture.job(execution);
      if (PromotionFixture.running(after)) {
        assertEquals(first, answeredBy, "while re-embedding, search answers from the old version");
        if (after.containsKey("done")
            && !after.isNull("done")
            && after.getJsonNumber("done").longValue() > 0
            && after.getJsonNumber("done").longValue() < after.getJsonNumber("total").longValue()) {
          queriesHalfWay++;
        }
      }
      job = after;
      Thread.sleep(200);
    }
    assertEquals("COMPLETED", job.getString("batchStatus"), job.toString());
    assertTrue(queriesHalfWay > 0, "search was asked while the candidate was half-embedded");

    assertEquals(second, PromotionFixture.searchedWith());
    assertEquals("active", PromotionFixture.status(second));
    assertEquals("retired", PromotionFixture.status(first));
    assertNotNull(PromotionFixture.retiredAt(first));
    long segments = PromotionFixture.segments(assets);
    assertArrayEquals(new long[] {segments, segments}, PromotionFixture.embeddings(second, assets));
    assertTrue(PromotionFixture.indexExists(second));

    HttpResponse<String> latest = ADMIN.get(API + "/models/promotion");
    assertEquals(200, latest.statusCode(), latest.body());
    JsonObject promotion = json(latest).asJsonObject();
    assertEquals(second, promotion.getJsonNumber("candidate").longValue());
    assertEquals("COMPLETED", promotion.getString("batchStatus"));
    assertEquals("admin", promotion.getString("actor"));
  }

  @Test
  @Order(2)
  void onlyACandidateCanBePromotedAndAnUnknownVersionIsNotFound() throws Exception {
    HttpResponse<String> active = ADMIN.post(API + "/models/" + second + "/promote", "");
    assertEquals(409, active.statusCode(), active.body());
    assertTrue(active.body().contains("only a candidate"), active.body());
    HttpResponse<String> unknown = ADMIN.post(API + "/models/999999999/promote", "");
    assertEquals(404, unknown.statusCode(), unknown.body());
    HttpResponse<String> archivist =
        PromotionFixture.ARCHIVIST.post(API + "/models/" + second + "/promote", "");
    assertEquals(403, archivist.statusCode(), archivist.body());
  }

  @Test
  @Order(3)
  void rollbackRestoresThePreviousVersionInOneCall() throws Exception {
    HttpResponse<String> rolledBack = ADMIN.post(API + "/models/rollback", "");
    assertEquals(200, rolledBack.statusCode(), rolledBack.body());
    JsonObject version = json(rolledBack).asJsonObject();
    assertEquals(first, version.getJsonNumber("id").longValue());
    assertEquals("active", version.getString("status"));
    assertEquals(first, PromotionFixture.searchedWith());
    assertEquals("retired", PromotionFixture.status(second));
    assertNull(PromotionFixture.retiredAt(first));
  }

  @Test
  @Order(4)
  void aStoppedPromotionLeavesTheOldVersionServingAndResumesWithoutDuplicates() throws Exception {
    // More items than before, so that the stop lands well before the end even on a slow machine.
    List<Long> more = FIXTURE.assets(6, 4);
    FIXTURE.embed(first, more);
    assets = Stream.concat(assets.stream(), more.stream()).toList();
    third = FIXTURE.registerCandidate("third");
    HttpResponse<String> promoted = ADMIN.post(API + "/models/" + third + "/promote", "");
    assertEquals(202, promoted.statusCode(), promoted.body());
    long execution = json(promoted).asJsonObject().getJsonNumber("executionId").longValue();

    HttpResponse<String> second = ADMIN.post(API + "/models/" + third + "/promote", "");
    assertEquals(409, second.statusCode(), second.body());
    assertTrue(second.body().contains("a promotion is running"), second.body());

    long segments = PromotionFixture.segments(assets);
    for (int attempt = 0; PromotionFixture.embeddings(third, assets)[0] == 0; attempt++) {
      assertTrue(attempt < 600, "the promotion embedded nothing within 120 s");
      Thread.sleep(200);
    }
    HttpResponse<String> stop = ADMIN.post(API + "/jobs/" + execution + "/stop", "");
    assertEquals(202, stop.statusCode(), stop.body());
    JsonObject stopped = PromotionFixture.awaitEnd(execution);
    assertEquals("STOPPED", stopped.getString("batchStatus"), stopped.toString());
    assertTrue(
        PromotionFixture.embeddings(third, assets)[0] < segments, "stopped half-way: " + stopped);
    assertEquals(first, PromotionFixture.searchedWith());
    assertEquals("active", PromotionFixture.status(first));
    assertEquals("candidate", PromotionFixture.status(third));

    HttpResponse<String> restarted = ADMIN.post(API + "/jobs/" + execution + "/restart", "");
    assertEquals(202, restarted.statusCode(), restarted.body());
    long again = json(restarted).asJsonObject().getJsonNumber("executionId").longValue();
    JsonObject end = PromotionFixture.awaitEnd(again);
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    assertEquals(third, PromotionFixture.searchedWith());
    assertArrayEquals(new long[] {segments, segments}, PromotionFixture.embeddings(third, assets));
    assertEquals("retired", PromotionFixture.status(first));
  }

  @Test
  @Order(5)
  void aRetiredVersionsEmbeddingsArePurgedButNeverTheRollbackTargets() throws Exception {
    // first was retired last (by the promotion of third): it is the rollback target
    HttpResponse<String> target = ADMIN.post(API + "/models/" + first + "/purge", "");
    assertEquals(409, target.statusCode(), target.body());
    assertTrue(target.body().contains("rollback target"), target.body());
    HttpResponse<String> active = ADMIN.post(API + "/models/" + third + "/purge", "");
    assertEquals(409, active.statusCode(), active.body());

    HttpResponse<String> purged = ADMIN.post(API + "/models/" + second + "/purge", "");
    assertEquals(200, purged.statusCode(), purged.body());
    assertFalse(json(purged).asJsonObject().isNull("embeddingsPurgedAt"), purged.body());
    assertArrayEquals(new long[] {0, 0}, PromotionFixture.embeddings(second, assets));
    assertFalse(PromotionFixture.indexExists(second));
    assertTrue(PromotionFixture.indexExists(first));
    HttpResponse<String> again = ADMIN.post(API + "/models/" + second + "/purge", "");
    assertEquals(409, again.statusCode(), again.body());
  }
}
