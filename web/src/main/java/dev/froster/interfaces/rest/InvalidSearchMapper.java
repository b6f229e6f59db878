package dev.froster.interfaces.rest;

import dev.froster.application.InvalidSearchException;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused search parameter: 400 problem whose {@code parameter} member names it. */
@Provider
public class InvalidSearchMapper implements ExceptionMapper<InvalidSearchException> {

  @Override
  public Response toResponse(InvalidSearchException exception) {
    String problem =
        Json.createObjectBuilder()
            .add("type", "urn:froster:problem:invalid-search")
            .add("title", "A search parameter is not valid")
            .add("status", 400)
            .add("detail", exception.getMessage())
            .add("parameter", exception.parameter())
            .build()
            .toString();
    return Response.status(Response.Status.BAD_REQUEST)
        .type(Problems.MEDIA_TYPE)
        .entity(problem)
        .build();
  }
}
