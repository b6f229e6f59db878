package dev.froster.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * The vocabulary calls HttpClientAs does not make (PATCH, DELETE, CSV bodies, raw bytes), as one of
 * the dev users or anonymously.
 */
final class VocabularyClient {

  static final String API = "/froster/api/v1";
  static final String VOCABULARIES = API + "/vocabularies";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String authorization;

  private VocabularyClient(String authorization) {
    this.authorization = authorization;
  }

  static VocabularyClient user(String user) {
    String variable = "FROSTER_" + user.toUpperCase(Locale.ROOT) + "_PASSWORD";
    String password = System.getenv(variable);
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException(
          variable + " is not set: run the tests through ./froster test");
    }
    return new VocabularyClient(
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  static VocabularyClient anonymous() {
    return new VocabularyClient(null);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(HttpClientAs.server(path)).GET());
  }

  HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(HttpClientAs.server(path)).DELETE());
  }

  HttpResponse<String> json(String method, String path, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(HttpClientAs.server(path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> csv(String path, byte[] body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(HttpClientAs.server(path))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> csv(String path, String body) throws IOException, InterruptedException {
    return csv(path, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(120)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
