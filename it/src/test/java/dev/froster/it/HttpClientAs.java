package dev.froster.it;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP calls to the server as one of the dev users (passwords from the launcher's variables). */
final class HttpClientAs {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String authorization;

  private HttpClientAs(String user) {
    String variable = "FROSTER_" + user.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD";
    String password = System.getenv(variable);
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException(
          variable + " is not set: run the tests through ./froster test");
    }
    authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static HttpClientAs user(String user) {
    return new HttpClientAs(user);
  }

  static URI server(String path) {
    return URI.create("http://localhost:" + System.getProperty("froster.http.port") + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(server(path)).GET());
  }

  HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(server(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(server(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Sends any request as this user: for methods, headers and bodies the helpers above lack. */
  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return CLIENT.send(
        request.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> anonymousGet(String path) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(server(path)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonStructure json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).read();
  }
}
