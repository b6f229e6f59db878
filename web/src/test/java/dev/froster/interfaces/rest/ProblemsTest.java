package dev.froster.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  private static JsonObject read(String document) {
    return Json.createReader(new StringReader(document)).readObject();
  }

  @Test
  void aRuntimeErrorIsNamedAfterItsStatus() {
    JsonObject problem = read(Problems.ofStatus(405, "allowed: GET, POST"));
    assertEquals("urn:froster:problem:method-not-allowed", problem.getString("type"));
    assertEquals("Method Not Allowed", problem.getString("title"));
    assertEquals(405, problem.getInt("status"));
    assertEquals("allowed: GET, POST", problem.getString("detail"));
    assertEquals(
        "urn:froster:problem:unsupported-media-type",
        read(Problems.ofStatus(415)).getString("type"));
  }

  @Test
  void theUsualDetailSaysWhatTheClientCanDo() {
    assertEquals(
        "the signed-in user's role may not do this",
        read(Problems.ofStatus(403)).getString("detail"));
    assertEquals(
        "no resource at this path (ids in paths are whole numbers)",
        read(Problems.ofStatus(404)).getString("detail"));
  }

  @Test
  void aServerErrorHasNoDetailToLeak() {
    JsonObject problem = read(Problems.ofStatus(500));
    assertEquals("Internal Server Error", problem.getString("title"));
    assertFalse(problem.containsKey("detail"));
  }

  @Test
  void aStatusWithoutAStandardNameStillGetsAType() {
    JsonObject problem = read(Problems.ofStatus(499, null));
    assertEquals("urn:froster:problem:http-499", problem.getString("type"));
    assertEquals("HTTP 499", problem.getString("title"));
  }
}
