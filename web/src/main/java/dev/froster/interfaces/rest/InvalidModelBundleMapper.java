package dev.froster.interfaces.rest;

import dev.froster.application.InvalidModelBundleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A bundle path outside the models root, or a folder that is not a valid bundle: 400. */
@Provider
public class InvalidModelBundleMapper implements ExceptionMapper<InvalidModelBundleException> {

  @Override
  public Response toResponse(InvalidModelBundleException exception) {
    return Problems.of(
        Response.Status.BAD_REQUEST,
        "invalid-model-bundle",
        "The model bundle cannot be registered",
        exception.getMessage());
  }
}
