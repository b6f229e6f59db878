package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.http.HttpResponse;
import java.util.List;
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
 * The real froster.ear in Liberty: embeddings in, neighbours out, bad vectors refused, a job run.
 */
@ExtendWith(ArquillianExtension.class)
class FrosterEarIT {

  private static final String API = "/froster/api/v1";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");

  private CatalogueFixture catalogue;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    // Named froster.ear so the application is "froster", as under ./froster run.
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @BeforeEach
  void fourSegmentsAndAFourDimensionalModel() throws Exception {
    catalogue = new CatalogueFixture(4, 4);
  }

  @AfterEach
  void removeThem() throws Exception {
    catalogue.close();
  }

  @Test
  void readinessIsUpWithThePgvectorVersion() throws Exception {
    HttpResponse<String> response = HttpClientAs.anonymousGet("/health/ready");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject database = check(json(response).asJsonObject(), "database");
    assertEquals("UP", database.getString("status"));
    assertEquals(
        CatalogueFixture.pgvectorVersion(), database.getJsonObject("data").getString("pgvector"));
    assertEquals("UP", check(json(response).asJsonObject(), "pytorch-engine").getString("status"));
  }

  @Test
  void findsTheNearestSegmentsInCosineOrder() throws Exception {
    List<Long> segments = catalogue.segmentIds;
    store(segments.get(0), "[1, 0, 0, 0]");
    store(segments.get(1), "[0, 1, 0, 0]");
    store(segments.get(2), "[1, 1, 0, 0]");
    store(segments.get(3), "[-1, 0, 0.5, 0]");

    HttpResponse<String> response =
        ARCHIVIST.post(
            modelVersion() + "/nearest-segments?limit=3", "{\"vector\": [1, 0.2, 0, 0]}");

    assertEquals(200, response.statusCode(), response.body());
    JsonArray hits = json(response).asJsonArray();
    assertEquals(3, hits.size(), response.body());
    assertEquals(segments.get(0), segmentOf(hits.get(0)));
    assertEquals(segments.get(2), segmentOf(hits.get(1)));
    assertEquals(segments.get(1), segmentOf(hits.get(2)));
    double previous = -1;
    for (JsonValue hit : hits) {
      double distance = hit.asJsonObject().getJsonNumber("cosineDistance").doubleValue();
      assertTrue(distance >= previous, response.body());
      previous = distance;
    }
    // 1 - cos between (1,0.2,0,0) and (1,0,0,0)
    assertEquals(1 - 1 / Math.sqrt(1.04), firstDistance(hits), 1e-6);
  }

  @Test
  void storingAgainReplacesTheEmbedding() throws Exception {
    long segment = catalogue.segmentIds.get(0);
    assertEquals(201, store(segment, "[1, 0, 0, 0]").statusCode());
    assertEquals(200, store(segment, "[0, 0, 1, 0]").statusCode());
    assertEquals(1, catalogue.embeddingsOf(segment));
  }

  @Test
  void aVectorOfTheWrongDimensionIsA400AndWritesNothing() throws Exception {
    long segment = catalogue.segmentIds.get(0);
    HttpResponse<String> response = store(segment, "[1, 0, 0]");
    assertProblem(response, "embedding-dimension");
    assertTrue(
        json(response).asJsonObject().getString("detail").contains("4 dimensions"),
        response.body());
    assertEquals(0, catalogue.embeddingsOf(segment));
  }

  @Test
  void aMalformedVectorIsA400AndWritesNothing() throws Exception {
    long segment = catalogue.segmentIds.get(0);
    assertProblem(store(segment, "[1, \"x\", 0, 0]"), "invalid-request");
    assertProblem(
        ADMIN.put(modelVersion() + "/segment-embeddings/" + segment, "{\"vector\": [1, 0"),
        "invalid-request");
    assertProblem(store(segment, "[0, 0, 0, 0]"), "invalid-vector");
    assertProblem(store(segment, "[1, 1e999, 0, 0]"), "invalid-vector");
    assertEquals(0, catalogue.embeddingsOf(segment));
  }

  @Test
  void anArchivistMaySearchButNotStore() throws Exception {
    HttpResponse<String> response =
        ARCHIVIST.put(
            modelVersion() + "/segment-embeddings/" + catalogue.segmentIds.get(0),
            "{\"vector\": [1, 0, 0, 0]}");
    assertEquals(403, response.statusCode());
    assertEquals(0, catalogue.embeddingsOf(catalogue.segmentIds.get(0)));
  }

  @Test
  void theEmbeddingCountJobCompletes() throws Exception {
    store(catalogue.segmentIds.get(0), "[1, 0, 0, 0]");
    store(catalogue.segmentIds.get(1), "[0, 1, 0, 0]");

    HttpResponse<String> started =
        ADMIN.post(API + "/jobs/embedding-count?modelVersionId=" + catalogue.modelVersionId, "");
    assertEquals(202, started.statusCode(), started.body());
    long execution = json(started).asJsonObject().getJsonNumber("executionId").longValue();

    JsonObject status = null;
    for (int attempt = 0; attempt < 120; attempt++) {
      status = json(ADMIN.get(API + "/jobs/" + execution)).asJsonObject();
      String batchStatus = status.getString("batchStatus");
      if (!batchStatus.equals("STARTING") && !batchStatus.equals("STARTED")) {
        break;
      }
      Thread.sleep(500);
    }
    assertEquals("COMPLETED", status.getString("batchStatus"), status.toString());
    assertEquals("EMBEDDINGS=2", status.getString("exitStatus"));
  }

  private HttpResponse<String> store(long segment, String vector) throws Exception {
    return ADMIN.put(
        modelVersion() + "/segment-embeddings/" + segment, "{\"vector\": " + vector + "}");
  }

  private String modelVersion() {
    return API + "/model-versions/" + catalogue.modelVersionId;
  }

  private static void assertProblem(HttpResponse<String> response, String type) {
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals("urn:froster:problem:" + type, json(response).asJsonObject().getString("type"));
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }

  private static Long segmentOf(JsonValue hit) {
    return hit.asJsonObject().getJsonNumber("segmentId").longValue();
  }

  private static double firstDistance(JsonArray hits) {
    return hits.get(0).asJsonObject().getJsonNumber("cosineDistance").doubleValue();
  }
}
