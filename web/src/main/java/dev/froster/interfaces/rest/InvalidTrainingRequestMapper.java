package dev.froster.interfaces.rest;

import dev.froster.application.InvalidTrainingRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A training setting out of range or an unusable dataset folder: 400 naming it. */
@Provider
public class InvalidTrainingRequestMapper
    implements ExceptionMapper<InvalidTrainingRequestException> {

  @Override
  public Response toResponse(InvalidTrainingRequestException exception) {
    return Problems.of(
        Response.Status.BAD_REQUEST,
        "invalid-training-request",
        "The training request cannot be accepted",
        exception.getMessage());
  }
}
