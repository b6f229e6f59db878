package dev.froster.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON body the runtime binds to a record ({@code POST /model-versions}, {@code /models/imports},
 * {@code /training/datasets}, {@code /training/runs}, {@code /jobs/...}) that is not JSON, or not
 * of the record's shape: the same 400 as {@link InvalidRequestMapper}'s for bodies read by hand.
 *
 * <p>JSON-B's own message is not shown: it names Java classes and parser states. Without this
 * mapper RESTEasy answers a bare 400 with that message as text.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException exception) {
    return Problems.of(
        Response.Status.BAD_REQUEST,
        "invalid-request",
        "The request body is not valid",
        detail(exception));
  }

  static String detail(JsonbException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParsingException parsing) {
        JsonLocation at = parsing.getLocation();
        return at == null
            ? "request body is not valid JSON"
            : "request body is not valid JSON (line "
                + at.getLineNumber()
                + ", column "
                + at.getColumnNumber()
                + ")";
      }
    }
    return "request body is JSON but not the expected object: the body or one of its fields has"
        + " the wrong type";
  }
}
