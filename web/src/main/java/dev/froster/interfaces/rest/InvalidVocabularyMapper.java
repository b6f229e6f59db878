package dev.froster.interfaces.rest;

import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 for a vocabulary, term or import that breaks a rule; the detail names field and row. */
@Provider
public class InvalidVocabularyMapper implements ExceptionMapper<InvalidVocabularyException> {

  @Override
  public Response toResponse(InvalidVocabularyException exception) {
    return Problems.of(
        Response.Status.BAD_REQUEST,
        "invalid-vocabulary",
        "The vocabulary is not valid",
        exception.getMessage());
  }
}
