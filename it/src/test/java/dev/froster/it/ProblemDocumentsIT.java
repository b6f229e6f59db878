package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static dev.froster.it.HttpClientAs.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Errors the JAX-RS runtime raises before any resource code runs (wrong method, unknown path,
 * unacceptable or unsupported media type, a body JSON-B cannot read, a query number that is not
 * one) answer with problem documents like the resources' own refusals. No request here changes the
 * server's state: each is refused before a service is called.
 */
@ExtendWith(ArquillianExtension.class)
class ProblemDocumentsIT {

  private static final String API = "/froster/api/v1";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  /** Status, media type and the RFC 9457 members; none of the runtime's own text. */
  static JsonObject assertProblem(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    String type = response.headers().firstValue("Content-Type").orElse("");
    assertTrue(type.startsWith("application/problem+json"), type + ": " + response.body());
    assertFalse(response.body().contains("RESTEASY"), response.body());
    assertFalse(response.body().contains("Exception"), response.body());
    JsonObject problem = json(response).asJsonObject();
    assertEquals(status, problem.getInt("status"));
    assertTrue(problem.getString("type").startsWith("urn:froster:problem:"), response.body());
    assertFalse(problem.getString("title").isBlank(), response.body());
    return problem;
  }

  @Test
  void theOpenApiDocumentDescribesTheProblemsOfEveryOperation() throws Exception {
    HttpResponse<String> response = ARCHIVIST.get("/openapi?format=JSON");
    assertEquals(200, response.statusCode());
    JsonObject document = json(response).asJsonObject();
    assertTrue(
        document.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.keySet()) {
      for (String method : paths.getJsonObject(path).keySet()) {
        if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
          continue;
        }
        JsonObject responses =
            paths.getJsonObject(path).getJsonObject(method).getJsonObject("responses");
        for (String status : path.contains("{") ? List.of("401", "403", "404") : List.of("401")) {
          assertTrue(
              responses.containsKey(status)
                  && responses
                      .getJsonObject(status)
                      .getJsonObject("content")
                      .containsKey("application/problem+json"),
              method + " " + path + " documents no " + status + " problem: " + responses);
        }
      }
    }
    JsonObject clip =
        paths
            .getJsonObject("/api/v1/search/similar")
            .getJsonObject("post")
            .getJsonObject("requestBody")
            .getJsonObject("content")
            .getJsonObject("multipart/form-data")
            .getJsonObject("schema")
            .getJsonObject("properties")
            .getJsonObject("clip");
    assertEquals("binary", clip.getString("format"));
  }

  @Test
  void aMethodThePathDoesNotOfferIs405WithAllow() throws Exception {
    HttpResponse<String> response =
        ARCHIVIST.send(HttpRequest.newBuilder(server(API + "/search")).DELETE());
    JsonObject problem = assertProblem(405, response);
    assertEquals("urn:froster:problem:method-not-allowed", problem.getString("type"));
    String allow = response.headers().firstValue("Allow").orElse("");
    assertTrue(allow.contains("GET"), allow);
    assertTrue(problem.getString("detail").contains("GET"), response.body());
  }

  @Test
  void anUnknownPathUnderTheApiIs404() throws Exception {
    assertProblem(404, ARCHIVIST.get(API + "/no-such-thing"));
  }

  @Test
  void aPathIdThatIsNotANumberIs404() throws Exception {
    assertProblem(404, ARCHIVIST.get(API + "/assets/abc"));
  }

  @Test
  void aPathIdOutsideItsConstraintIs400NamingIt() throws Exception {
    // Bean Validation (@Positive) on a resource parameter: our mapper, not the runtime's own
    JsonObject problem = assertProblem(400, ARCHIVIST.get(API + "/assets/0"));
    assertEquals("urn:froster:problem:invalid-parameter", problem.getString("type"));
    assertTrue(problem.getString("detail").contains("(was 0)"), problem.toString());
  }

  @Test
  void anUnacceptableAcceptIs406() throws Exception {
    assertProblem(
        406,
        ADMIN.send(
            HttpRequest.newBuilder(server(API + "/training/runs")).header("Accept", "image/png")));
  }

  @Test
  void aClipThatIsNotMultipartIs415() throws Exception {
    HttpResponse<String> response =
        ARCHIVIST.send(
            HttpRequest.newBuilder(server(API + "/search/similar"))
                .header("Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 0, 0, 24})));
    assertEquals(
        "urn:froster:problem:unsupported-media-type",
        assertProblem(415, response).getString("type"));
  }

  @Test
  void aBodyThatIsNotJsonIs400() throws Exception {
    JsonObject problem = assertProblem(400, ADMIN.post(API + "/model-versions", "{"));
    assertEquals("urn:froster:problem:invalid-request", problem.getString("type"));
    assertTrue(problem.getString("detail").contains("not valid JSON"), problem.toString());
  }

  @Test
  void aBodyOfTheWrongShapeIs400() throws Exception {
    JsonObject problem = assertProblem(400, ADMIN.post(API + "/training/datasets", "[1]"));
    assertEquals("urn:froster:problem:invalid-request", problem.getString("type"));
  }

  @Test
  void aQueryNumberThatIsNotOneIs400NamingTheParameter() throws Exception {
    JsonObject nearest =
        assertProblem(
            400,
            ARCHIVIST.post(
                API + "/model-versions/1/nearest-segments?limit=x", "{\"vector\": [1, 0]}"));
    assertTrue(nearest.getString("detail").startsWith("limit "), nearest.toString());
    JsonObject runs = assertProblem(400, ADMIN.get(API + "/training/runs?limit=x"));
    assertTrue(runs.getString("detail").startsWith("limit "), runs.toString());
    JsonObject count =
        assertProblem(400, ADMIN.post(API + "/jobs/embedding-count?modelVersionId=x", ""));
    assertTrue(count.getString("detail").startsWith("modelVersionId "), count.toString());
  }
}
