package dev.froster.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Builds RFC 9457 problem details. Public for the servlet layer, which answers the API's 401 and
 * 403 before JAX-RS runs and must send the same document.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** 404 for an id that names nothing. */
  static Response notFound(String detail) {
    return of(Response.Status.NOT_FOUND, "not-found", "Not found", detail);
  }

  static Response of(Response.StatusType status, String type, String title, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(document(status.getStatusCode(), type, title, detail))
        .build();
  }

  /** {@link #ofStatus(int, String)} with what the client can do about that status in general. */
  public static String ofStatus(int status) {
    String detail =
        switch (status) {
          case 403 -> "the signed-in user's role may not do this";
          case 404 -> "no resource at this path (ids in paths are whole numbers)";
          case 406 -> "the resource cannot answer in a media type the Accept header allows";
          case 415 -> "the resource does not accept this Content-Type";
          default -> null;
        };
    return ofStatus(status, detail);
  }

  /**
   * A problem named after its HTTP status alone ({@code 405 Method Not Allowed} is type {@code
   * urn:froster:problem:method-not-allowed}), for errors the JAX-RS runtime or the container raise,
   * which have no domain meaning to name.
   */
  public static String ofStatus(int status, String detail) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
    String type =
        known != null ? title.toLowerCase(Locale.ROOT).replace(' ', '-') : "http-" + status;
    return document(status, type, title, detail);
  }

  static String document(int status, String type, String title, String detail) {
    JsonObjectBuilder problem =
        Json.createObjectBuilder()
            .add("type", "urn:froster:problem:" + type)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      problem.add("detail", detail);
    }
    return problem.build().toString();
  }
}
