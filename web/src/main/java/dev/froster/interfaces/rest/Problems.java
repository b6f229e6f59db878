package dev.froster.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** Builds RFC 9457 problem details responses. */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** 404 for an id that names nothing. */
  static Response notFound(String detail) {
    return of(Response.Status.NOT_FOUND, "not-found", "Not found", detail);
  }

  static Response of(Response.Status status, String type, String title, String detail) {
    JsonObjectBuilder problem =
        Json.createObjectBuilder()
            .add("type", "urn:froster:problem:" + type)
            .add("title", title)
            .add("status", status.getStatusCode());
    if (detail != null) {
      problem.add("detail", detail);
    }
    return Response.status(status).type(MEDIA_TYPE).entity(problem.build().toString()).build();
  }
}
