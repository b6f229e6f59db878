package dev.froster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what: the table below is the REST API's access policy, and the test holds the server
 * to it for every operation its OpenAPI document lists. An operation missing from the table (or a
 * table entry the server no longer has) fails the test, so a new endpoint cannot ship without a
 * decision about its roles.
 */
@ExtendWith(ArquillianExtension.class)
class RolesIT {

  private static final String API = "/froster/api/v1";

  /** How the OpenAPI document names the API (its paths are relative to the context root). */
  private static final String DOCUMENTED_API = "/api/v1";

  private static final Set<String> ANY_USER = Set.of("archivist", "tagger", "admin");
  private static final Set<String> ADMIN = Set.of("admin");
  private static final Set<String> REVIEWERS = Set.of("tagger", "admin");

  /** "METHOD path as in the OpenAPI document" → the roles that may call it. */
  private static final Map<String, Set<String>> POLICY =
      Map.ofEntries(
          Map.entry("POST /assets", ADMIN),
          Map.entry("POST /assets/manifest", ADMIN),
          Map.entry("GET /assets/{id}", ANY_USER),
          Map.entry("GET /segments/{id}/keyframe", ANY_USER),
          Map.entry("POST /model-versions", ADMIN),
          Map.entry("POST /model-versions/{modelVersionId}/activation", ADMIN),
          Map.entry("PUT /model-versions/{modelVersionId}/segment-embeddings/{segmentId}", ADMIN),
          Map.entry("POST /model-versions/{modelVersionId}/nearest-segments", ANY_USER),
          Map.entry("POST /jobs/embedding-count", ADMIN),
          Map.entry("POST /jobs/ingest-assets", ADMIN),
          Map.entry("POST /jobs/embed-catalog", ADMIN),
          Map.entry("GET /jobs/{executionId}", ADMIN),
          Map.entry("POST /jobs/{executionId}/stop", ADMIN),
          Map.entry("POST /jobs/{executionId}/restart", ADMIN),
          Map.entry("GET /search", ANY_USER),
          Map.entry("GET /search/similar", ANY_USER),
          Map.entry("POST /search/similar", ANY_USER),
          Map.entry("GET /review/items", REVIEWERS),
          Map.entry("GET /review/items/{id}", REVIEWERS),
          Map.entry("POST /review/items/{id}/decision", REVIEWERS),
          Map.entry("POST /review/decisions", REVIEWERS),
          Map.entry("GET /review/labelled-examples", ADMIN),
          Map.entry("GET /assets/{id}/tags", ANY_USER),
          Map.entry("GET /assets/{id}/video", ANY_USER),
          Map.entry("GET /audit", ADMIN),
          Map.entry("GET /vocabularies", ANY_USER),
          Map.entry("POST /vocabularies", ADMIN),
          Map.entry("GET /vocabularies/{id}", ANY_USER),
          Map.entry("PATCH /vocabularies/{id}", ADMIN),
          Map.entry("DELETE /vocabularies/{id}", ADMIN),
          Map.entry("POST /vocabularies/{id}/terms", ADMIN),
          Map.entry("PUT /vocabularies/{id}/terms/{termId}", ADMIN),
          Map.entry("DELETE /vocabularies/{id}/terms/{termId}", ADMIN),
          Map.entry("GET /vocabularies/{id}/export", ANY_USER),
          Map.entry("POST /jobs/auto-tag", ADMIN),
          Map.entry("POST /models/{id}/promote", ADMIN),
          Map.entry("POST /models/{id}/purge", ADMIN),
          Map.entry("POST /models/rollback", ADMIN),
          Map.entry("GET /models/promotion", ADMIN),
          Map.entry("GET /training/schedules", ADMIN),
          Map.entry("POST /training/schedules", ADMIN),
          Map.entry("GET /training/schedules/{id}", ADMIN),
          Map.entry("PUT /training/schedules/{id}", ADMIN),
          Map.entry("DELETE /training/schedules/{id}", ADMIN),
          Map.entry("POST /training/schedules/{id}/enable", ADMIN),
          Map.entry("POST /training/schedules/{id}/disable", ADMIN),
          Map.entry("GET /models", ANY_USER),
          Map.entry("GET /models/{id}", ANY_USER),
          Map.entry("POST /models/imports", ADMIN),
          Map.entry("POST /training/runs", ADMIN),
          Map.entry("GET /training/runs", ADMIN),
          Map.entry("GET /training/runs/{id}", ADMIN),
          Map.entry("POST /training/runs/{id}/stop", ADMIN),
          Map.entry("POST /training/runs/{id}/restart", ADMIN),
          Map.entry("POST /training/runs/{id}/abandon", ADMIN),
          Map.entry("POST /training/datasets", ADMIN),
          Map.entry("GET /training/datasets", ADMIN));

  /**
   * Operations whose path and method are served by a second resource method for another body media
   * type (the OpenAPI document lists the pair once), with a body of that type.
   */
  private static final Map<String, String[]> OTHER_MEDIA_TYPES =
      Map.of(
          "POST /vocabularies", new String[] {"text/csv", "label\njump\n"},
          "POST /vocabularies/{id}/terms", new String[] {"text/csv", "label\njump\n"});

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Map<String, Set<String>> operations;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @BeforeAll
  static void readTheOpenApiDocument() throws Exception {
    HttpResponse<String> document = call("GET", "/openapi?format=JSON", null);
    assertEquals(200, document.statusCode(), document.body());
    JsonObject paths =
        Json.createReader(new StringReader(document.body())).readObject().getJsonObject("paths");
    operations = new TreeMap<>();
    for (String path : paths.keySet()) {
      assertTrue(path.startsWith(DOCUMENTED_API + "/"), "an operation outside the API: " + path);
      Set<String> methods = new TreeSet<>();
      for (String method : paths.getJsonObject(path).keySet()) {
        if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
          methods.add(method.toUpperCase(Locale.ROOT));
        }
      }
      operations.put(path.substring(DOCUMENTED_API.length()), methods);
    }
  }

  @Test
  void theOpenApiDocumentIsValid() {
    // Liberty validates the document it serves and logs what is wrong, once, at start.
    java.nio.file.Path messages =
        java.nio.file.Path.of(
            System.getProperty("froster.wlp.home"),
            "usr/servers",
            System.getProperty("froster.server", "froster-it"),
            "logs/messages.log");
    assertEquals(
        List.of(),
        LibertyServer.lines(messages).stream().filter(l -> l.contains("CWWKO1650E")).toList());
  }

  @Test
  void thePolicyNamesEveryOperationTheServerOffers() {
    Set<String> offered = new TreeSet<>();
    operations.forEach((path, methods) -> methods.forEach(m -> offered.add(m + " " + path)));
    assertEquals(new TreeSet<>(POLICY.keySet()), offered);
  }

  @Test
  void withoutCredentialsEveryOperationAnswers401() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String operation : POLICY.keySet()) {
      HttpResponse<String> response = call(operation, null);
      boolean challenged = response.headers().firstValue("WWW-Authenticate").isPresent();
      if (response.statusCode() != 401 || !challenged || !isProblem(response, 401)) {
        wrong.add(operation + " → " + describe(response));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aRoleOutsideThePolicyGets403() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> rule : POLICY.entrySet()) {
      for (String role : ANY_USER) {
        if (!rule.getValue().contains(role)) {
          HttpResponse<String> response = call(rule.getKey(), role);
          if (response.statusCode() != 403 || !isProblem(response, 403)) {
            wrong.add(rule.getKey() + " as " + role + " → " + describe(response));
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theOperationsTakingAnotherMediaTypeAreHeldToThePolicyToo() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String[]> variant : OTHER_MEDIA_TYPES.entrySet()) {
      String operation = variant.getKey();
      String[] body = variant.getValue();
      HttpResponse<String> anonymous = call(operation, null, body[0], body[1]);
      if (anonymous.statusCode() != 401 || !isProblem(anonymous, 401)) {
        wrong.add(operation + " " + body[0] + " → " + describe(anonymous));
      }
      for (String role : ANY_USER) {
        if (!POLICY.get(operation).contains(role)) {
          HttpResponse<String> response = call(operation, role, body[0], body[1]);
          if (response.statusCode() != 403 || !isProblem(response, 403)) {
            wrong.add(operation + " " + body[0] + " as " + role + " → " + describe(response));
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aRoleInThePolicyGetsPastTheCheck() throws Exception {
    // Reads only: a write that passes the check would change the server's state.
    for (Map.Entry<String, Set<String>> rule : POLICY.entrySet()) {
      if (rule.getKey().startsWith("GET ")) {
        for (String role : rule.getValue()) {
          int status = call(rule.getKey(), role).statusCode();
          assertNotEquals(401, status, rule.getKey() + " as " + role);
          assertNotEquals(403, status, rule.getKey() + " as " + role);
        }
      }
    }
  }

  /** The API's error format (docs/rest-errors): a problem document with the response's status. */
  private static boolean isProblem(HttpResponse<String> response, int status) {
    if (!response
        .headers()
        .firstValue("Content-Type")
        .orElse("")
        .startsWith("application/problem+json")) {
      return false;
    }
    JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
    return problem.getInt("status", 0) == status && !problem.getString("title", "").isBlank();
  }

  private static String describe(HttpResponse<String> response) {
    return response.statusCode()
        + " "
        + response.headers().firstValue("Content-Type").orElse("(no Content-Type)")
        + " "
        + response.body();
  }

  /** Calls "METHOD /path/{param}" with every path parameter 1 and an empty JSON body. */
  private static HttpResponse<String> call(String operation, String user) throws Exception {
    return call(operation, user, "application/json", "{}");
  }

  /** Calls "METHOD /path/{param}" with every path parameter 1 and the body given. */
  private static HttpResponse<String> call(
      String operation, String user, String contentType, String body) throws Exception {
    String[] parts = operation.split(" ", 2);
    return call(parts[0], API + parts[1].replaceAll("\\{[^}]+}", "1"), user, contentType, body);
  }

  private static HttpResponse<String> call(String method, String path, String user)
      throws Exception {
    return call(method, path, user, "application/json", "{}");
  }

  private static HttpResponse<String> call(
      String method, String path, String user, String contentType, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(HttpClientAs.server(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      String password = System.getenv("FROSTER_" + user.toUpperCase(Locale.ROOT) + "_PASSWORD");
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
