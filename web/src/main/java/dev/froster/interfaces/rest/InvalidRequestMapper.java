package dev.froster.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {

  @Override
  public Response toResponse(InvalidRequestException exception) {
    return Problems.of(
        Response.Status.BAD_REQUEST,
        "invalid-request",
        "The request body is not valid",
        exception.getMessage());
  }
}
