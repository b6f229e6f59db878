package dev.froster.interfaces.rest;

import dev.froster.domain.model.vocabulary.UnknownTermException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class UnknownTermMapper implements ExceptionMapper<UnknownTermException> {

  @Override
  public Response toResponse(UnknownTermException exception) {
    return Problems.notFound(exception.getMessage());
  }
}
