package dev.froster.interfaces.rest;

import dev.froster.application.UnknownEntityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class UnknownEntityMapper implements ExceptionMapper<UnknownEntityException> {

  @Override
  public Response toResponse(UnknownEntityException exception) {
    return Problems.notFound(exception.getMessage());
  }
}
