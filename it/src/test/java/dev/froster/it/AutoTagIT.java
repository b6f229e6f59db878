package dev.froster.it;

import static dev.froster.it.VocabularyClient.API;
import static dev.froster.it.VocabularyClient.VOCABULARIES;
import static dev.froster.it.VocabularyClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.froster.engine.inference.VideoEmbedder;
import dev.froster.it.TaggingWorld.Expected;
import dev.froster.it.TaggingWorld.Scored;
import dev.froster.it.TaggingWorld.StoredTag;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6, tagging: with a tiny random bundle active, segments whose embeddings point in chosen
 * directions are tagged by the {@code auto-tag} job exactly as an independent oracle of the method
 * says (softmax over the vocabulary with the model's logit scale): accepted, pending review with
 * the runner-up terms, or no tag. A second run changes nothing, a changed vocabulary is tagged
 * again, and a stopped and restarted run scores every segment exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoTagIT {

  private static final VocabularyClient ADMIN = VocabularyClient.user("admin");
  private static final String[][] TERMS = {
    {"jump", "leaping up with both feet"},
    {"wave", "a hand moving side to side"},
    {"sit", "lowering onto a chair"},
    {"run", "moving fast on foot"},
    {"spin", "turning around on the spot"}
  };

  private static long version;
  private static double logitScale;
  private static long vocabulary;
  private static final List<Long> termIds = new ArrayList<>();
  private static Map<Long, float[]> terms;
  private static double accept;
  private static double review;
  private static List<Long> segments;
  private static Map<Long, float[]> segmentVectors;
  private static long acceptedSegment;
  private static long pendingSegment;
  private static long droppedSegment;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @Test
  @Order(1)
  void termEmbeddingsAreTheMethodsClassEmbeddingsWithSynonymsAveraged() throws Exception {
    String name = "auto-tag-" + UUID.randomUUID();
    Path bundle = TinyBundles.write(name, "AutoTagIT");
    HttpResponse<String> registered =
        ADMIN.json(
            "POST",
            API + "/model-versions",
            "{\"name\": \"" + name + "\", \"bundlePath\": \"" + name + "\"}");
    assertEquals(201, registered.statusCode(), registered.body());
    version = object(registered).getJsonNumber("id").longValue();
    HttpResponse<String> activated =
        ADMIN.json("POST", API + "/model-versions/" + version + "/activation", "");
    assertEquals(200, activated.statusCode(), activated.body());

    StringBuilder body =
        new StringBuilder(
            "{\"name\": \""
                + name
                + "\", \"acceptThreshold\": 0.99, \"reviewThreshold\": 0.98,"
                + " \"terms\": [");
    for (int i = 0; i < TERMS.length; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"label\": \"")
          .append(TERMS[i][0])
          .append("\", \"description\": \"")
          .append(TERMS[i][1])
          .append("\"")
          .append(i == TERMS.length - 1 ? ", \"synonyms\": [\"twirl\"]" : "")
          .append("}");
    }
    HttpResponse<String> created = ADMIN.json("POST", VOCABULARIES, body.append("]}").toString());
    assertEquals(201, created.statusCode(), created.body());
    vocabulary = object(created).getJsonNumber("id").longValue();
    JsonArray stored = object(created).getJsonArray("terms");
    for (int i = 0; i < stored.size(); i++) {
      termIds.add(stored.getJsonObject(i).getJsonNumber("id").longValue());
    }

    // the server computed every term's embedding when the vocabulary was created
    terms = TaggingWorld.termEmbeddings(version, termIds);
    assertEquals(TERMS.length, terms.size());
    try (VideoEmbedder local = VideoEmbedder.open(bundle, Device.cpu())) {
      logitScale = local.logitScale();
      for (int i = 0; i < TERMS.length; i++) {
        List<float[]> texts = new ArrayList<>();
        texts.add(local.embedText(TERMS[i][0] + ": " + TERMS[i][1]));
        if (i == TERMS.length - 1) {
          texts.add(local.embedText("twirl: " + TERMS[i][1]));
        }
        double cosine =
            TaggingWorld.cosine(TaggingWorld.unitMean(texts), terms.get(termIds.get(i)));
        assertTrue(cosine > 0.99999, "term " + TERMS[i][0] + " has cosine " + cosine);
      }
    }
    assertTrue(logitScale > 1, "logit scale " + logitScale);
  }

  @Test
  @Order(2)
  void segmentsAreAcceptedSentToReviewOrDroppedAsTheMethodScoresThem() throws Exception {
    // d_X = t_X - mean(t): the direction that tells term X from the others
    int dimension = TinyBundles.DIMENSION;
    double[] mean = new double[dimension];
    for (float[] term : terms.values()) {
      for (int i = 0; i < dimension; i++) {
        mean[i] += term[i] / terms.size();
      }
    }
    List<double[]> directions = new ArrayList<>();
    for (long termId : termIds) {
      double[] direction = new double[dimension];
      for (int i = 0; i < dimension; i++) {
        direction[i] = terms.get(termId)[i] - mean[i];
      }
      directions.add(direction);
    }
    // 300 directions between the terms' common direction and each term's own, with noise; the
    // thresholds are then put between the confidences at the quartiles, so that about a quarter
    // is accepted, half goes to review and a quarter is dropped, none near a threshold
    List<float[]> vectors = new ArrayList<>();
    Random random = new Random(6);
    for (int i = 0; i < 300; i++) {
      double[] mix = new double[dimension];
      double[] toward = directions.get(random.nextInt(directions.size()));
      double weight = random.nextDouble() * 4;
      for (int d = 0; d < dimension; d++) {
        mix[d] = mean[d] + weight * toward[d] + 0.1 * random.nextGaussian();
      }
      vectors.add(TaggingWorld.unit(mix));
    }
    List<Double> tops = new ArrayList<>();
    for (float[] vector : vectors) {
      tops.add(TaggingWorld.confidences(vector, terms, logitScale).get(0).confidence());
    }
    List<Double> sorted = tops.stream().sorted().toList();
    double acceptAt = between(sorted, sorted.size() * 3 / 4);
    double reviewAt = between(sorted, sorted.size() / 4);

    HttpResponse<String> changed =
        ADMIN.json(
            "PATCH",
            VOCABULARIES + "/" + vocabulary,
            "{\"acceptThreshold\": " + acceptAt + ", \"reviewThreshold\": " + reviewAt + "}");
    assertEquals(200, changed.statusCode(), changed.body());
    // the thresholds as stored (single precision) are the ones the server compares with
    accept = object(changed).getJsonNumber("acceptThreshold").doubleValue();
    review = object(changed).getJsonNumber("reviewThreshold").doubleValue();

    segments = TaggingWorld.addEmbeddedSegments(version, vectors);
    segmentVectors = TaggingWorld.segmentEmbeddings(version, segments);
    acceptedSegment = segments.get(tops.indexOf(sorted.get(sorted.size() - 1)));
    pendingSegment = segments.get(tops.indexOf(sorted.get(sorted.size() / 2)));
    droppedSegment = segments.get(tops.indexOf(sorted.get(0)));

    JsonObject end = awaitEnd(startAutoTag(vocabulary, 4));
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    assertEquals(segments.size(), end.getJsonNumber("done").longValue(), end.toString());
    assertEquals(segments.size(), TaggingWorld.scorings(version, vocabulary)[0]);

    Map<Long, Expected> expected = expected(accept, review);
    assertEquals("accepted", expected.get(acceptedSegment).status());
    assertEquals("pending", expected.get(pendingSegment).status());
    assertEquals(null, expected.get(droppedSegment));
    assertTagsAre(expected, TaggingWorld.tags(version, vocabulary));

    // the pending tag carries its runner-up terms for the reviewer, best first
    StoredTag pending =
        TaggingWorld.tags(version, vocabulary).stream()
            .filter(tag -> tag.segmentId() == pendingSegment)
            .findFirst()
            .orElseThrow();
    JsonArray alternatives =
        Json.createReader(new StringReader(pending.alternatives())).readArray();
    List<Scored> runnersUp = expected.get(pendingSegment).alternatives();
    assertEquals(3, alternatives.size());
    for (int i = 0; i < runnersUp.size(); i++) {
      JsonObject alternative = alternatives.getJsonObject(i);
      assertEquals(runnersUp.get(i).termId(), alternative.getJsonNumber("termId").longValue());
      assertEquals(
          runnersUp.get(i).confidence(),
          alternative.getJsonNumber("confidence").doubleValue(),
          1e-6);
    }
  }

  @Test
  @Order(3)
  void aSecondRunChangesNothing() throws Exception {
    List<StoredTag> before = TaggingWorld.tags(version, vocabulary);
    JsonObject end = awaitEnd(startAutoTag(vocabulary, 4));
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    assertEquals(before, TaggingWorld.tags(version, vocabulary));
    assertEquals(segments.size(), TaggingWorld.scorings(version, vocabulary)[0]);
  }

  @Test
  @Order(4)
  void aChangedVocabularyDropsItsPendingTagsAndIsTaggedAgain() throws Exception {
    Map<Long, Expected> before = expected(accept, review);
    // a reviewer relabels one pending suggestion: tagging again must not suggest its term again
    Expected suggested = before.get(pendingSegment);
    long replacement =
        termIds.stream().filter(id -> id != suggested.termId()).findFirst().orElseThrow();
    HttpResponse<String> relabelled =
        VocabularyClient.user("tagger")
            .json(
                "POST",
                API
                    + "/review/items/"
                    + TaggingWorld.autoTagId(version, pendingSegment)
                    + "/decision",
                "{\"decision\": \"relabel\", \"termId\": " + replacement + "}");
    assertEquals(200, relabelled.statusCode(), relabelled.body());
    Expected relabel =
        new Expected(replacement, "accepted", suggested.confidence(), suggested.alternatives());
    before.put(pendingSegment, relabel);
    HttpResponse<String> changed =
        ADMIN.json(
            "PATCH",
            VOCABULARIES + "/" + vocabulary,
            "{\"reviewThreshold\": " + Math.max(0, review - 0.05) + "}");
    assertEquals(200, changed.statusCode(), changed.body());
    double newReview = object(changed).getJsonNumber("reviewThreshold").doubleValue();
    assertEquals(0, TaggingWorld.scorings(version, vocabulary)[0]);
    List<StoredTag> kept = TaggingWorld.tags(version, vocabulary);
    assertTrue(kept.stream().allMatch(tag -> tag.status().equals("accepted")), kept.toString());
    assertEquals(
        before.values().stream().filter(tag -> tag.status().equals("accepted")).count(),
        kept.size());

    JsonObject end = awaitEnd(startAutoTag(vocabulary, 8));
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    // accepted tags (the relabelled one too) stayed as they were; the rest follow the new
    // thresholds
    Map<Long, Expected> after = expected(accept, newReview);
    before.forEach(
        (segment, tag) -> {
          if (tag.status().equals("accepted")) {
            after.put(segment, tag);
          }
        });
    assertTagsAre(after, TaggingWorld.tags(version, vocabulary));
    assertEquals(segments.size(), TaggingWorld.scorings(version, vocabulary)[0]);
  }

  @Test
  @Order(5)
  void aStoppedAndRestartedRunScoresEverySegmentExactlyOnce() throws Exception {
    HttpResponse<String> created =
        ADMIN.json(
            "POST",
            VOCABULARIES,
            "{\"name\": \"auto-tag-restart-"
                + UUID.randomUUID()
                + "\", \"acceptThreshold\": 0.5, \"reviewThreshold\": 0.0,"
                + " \"terms\": [{\"label\": \"jump\"}, {\"label\": \"wave\"}, {\"label\": \"sit\"}]}");
    assertEquals(201, created.statusCode(), created.body());
    long second = object(created).getJsonNumber("id").longValue();

    long first = startAutoTag(second, 1);
    JsonObject running = awaitSomeDone(first);
    HttpResponse<String> stop = ADMIN.json("POST", API + "/jobs/" + first + "/stop", "");
    assertEquals(202, stop.statusCode(), stop.body());
    JsonObject stopped = awaitEnd(first);
    assertEquals("STOPPED", stopped.getString("batchStatus"), stopped.toString());
    long scoredAtStop = TaggingWorld.scorings(version, second)[0];
    assertTrue(
        scoredAtStop > 0 && scoredAtStop < segments.size(),
        "the job stopped part way: " + scoredAtStop + " of " + segments.size() + ", " + running);

    HttpResponse<String> restarted = ADMIN.json("POST", API + "/jobs/" + first + "/restart", "");
    assertEquals(202, restarted.statusCode(), restarted.body());
    JsonObject end = awaitEnd(object(restarted).getJsonNumber("executionId").longValue());
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());

    long[] scorings = TaggingWorld.scorings(version, second);
    assertEquals(segments.size(), scorings[0]);
    assertEquals(segments.size(), scorings[1]);
    // review 0: every segment gets exactly one tag, accepted or pending
    List<StoredTag> tags = TaggingWorld.tags(version, second);
    assertEquals(segments.size(), tags.size());
    assertEquals(segments.size(), tags.stream().map(StoredTag::segmentId).distinct().count());
    assertTrue(
        Set.of("accepted", "pending").containsAll(tags.stream().map(StoredTag::status).toList()));
  }

  @Test
  @Order(6)
  void startingNeedsAnAdminAndAnExistingVocabulary() throws Exception {
    HttpResponse<String> unknown =
        ADMIN.json("POST", API + "/jobs/auto-tag", "{\"vocabularyId\": 999999999}");
    assertEquals(404, unknown.statusCode(), unknown.body());
    HttpResponse<String> bad = ADMIN.json("POST", API + "/jobs/auto-tag", "{\"chunkSize\": 0}");
    assertEquals(400, bad.statusCode(), bad.body());
    HttpResponse<String> archivist =
        VocabularyClient.user("archivist").json("POST", API + "/jobs/auto-tag", "{}");
    assertEquals(403, archivist.statusCode(), archivist.body());
  }

  // --- helpers -------------------------------------------------------------------------------

  private static Map<Long, Expected> expected(double accept, double review) {
    Map<Long, Expected> expected = new LinkedHashMap<>();
    for (long segment : segments) {
      Expected tag =
          TaggingWorld.expected(segmentVectors.get(segment), terms, logitScale, accept, review);
      if (tag != null) {
        expected.put(segment, tag);
      }
    }
    return expected;
  }

  private static void assertTagsAre(Map<Long, Expected> expected, List<StoredTag> stored) {
    Map<Long, StoredTag> bySegment = new HashMap<>();
    for (StoredTag tag : stored) {
      assertEquals(null, bySegment.put(tag.segmentId(), tag), "two tags for " + tag.segmentId());
    }
    assertEquals(expected.keySet(), bySegment.keySet());
    expected.forEach(
        (segment, tag) -> {
          StoredTag actual = bySegment.get(segment);
          assertNotNull(actual);
          assertEquals(tag.termId(), actual.termId(), "segment " + segment);
          assertEquals(tag.status(), actual.status(), "segment " + segment);
          assertEquals(tag.confidence(), actual.confidence(), 1e-6, "segment " + segment);
        });
  }

  /**
   * A threshold between the sorted confidences near {@code index} where neighbours are at least
   * 1e-4 apart, so that storing it in single precision cannot move it past one of them.
   */
  private static double between(List<Double> sorted, int index) {
    for (int offset = 0; offset < sorted.size() / 8; offset++) {
      for (int i : new int[] {index + offset, index - offset}) {
        if (i > 0 && i < sorted.size() && sorted.get(i) - sorted.get(i - 1) > 1e-4) {
          return (sorted.get(i) + sorted.get(i - 1)) / 2;
        }
      }
    }
    throw new AssertionError("no gap between the confidences near " + index + ": " + sorted);
  }

  private static long startAutoTag(long vocabularyId, int chunkSize) throws Exception {
    HttpResponse<String> started =
        ADMIN.json(
            "POST",
            API + "/jobs/auto-tag",
            "{\"vocabularyId\": " + vocabularyId + ", \"chunkSize\": " + chunkSize + "}");
    assertEquals(202, started.statusCode(), started.body());
    return object(started).getJsonNumber("executionId").longValue();
  }

  private static JsonObject awaitSomeDone(long execution) throws Exception {
    JsonObject status = null;
    for (int attempt = 0; attempt < 2000; attempt++) {
      status = object(ADMIN.get(API + "/jobs/" + execution));
      if (!Set.of("STARTING", "STARTED").contains(status.getString("batchStatus"))) {
        throw new AssertionError("the job ended before it could be stopped: " + status);
      }
      if (status.containsKey("done")
          && !status.isNull("done")
          && status.getJsonNumber("done").longValue() > 0) {
        return status;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("job execution " + execution + " made no progress: " + status);
  }

  private static JsonObject awaitEnd(long execution) throws Exception {
    JsonObject status = null;
    for (int attempt = 0; attempt < 1200; attempt++) {
      HttpResponse<String> response = ADMIN.get(API + "/jobs/" + execution);
      assertEquals(200, response.statusCode(), response.body());
      status = object(response);
      if (!Set.of("STARTING", "STARTED", "STOPPING").contains(status.getString("batchStatus"))) {
        return status;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("job execution " + execution + " did not end: " + status);
  }
}
