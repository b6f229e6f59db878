package dev.froster.interfaces.rest;

import dev.froster.domain.model.embedding.EmbeddingDimensionException;
import dev.froster.domain.model.embedding.InvalidEmbeddingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Values the domain refuses (bad vectors, wrong dimensions, non-positive ids) are a 400. */
@Provider
public class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

  @Override
  public Response toResponse(IllegalArgumentException exception) {
    if (exception instanceof EmbeddingDimensionException) {
      return Problems.of(
          Response.Status.BAD_REQUEST,
          "embedding-dimension",
          "The vector has the wrong number of dimensions",
          exception.getMessage());
    }
    if (exception instanceof InvalidEmbeddingException) {
      return Problems.of(
          Response.Status.BAD_REQUEST,
          "invalid-vector",
          "The vector is not a valid embedding",
          exception.getMessage());
    }
    return Problems.of(
        Response.Status.BAD_REQUEST,
        "invalid-argument",
        "A value of the request is not valid",
        exception.getMessage());
  }
}
