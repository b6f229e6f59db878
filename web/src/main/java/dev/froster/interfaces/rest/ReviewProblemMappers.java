package dev.froster.interfaces.rest;

import dev.froster.application.InvalidDecisionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Problem responses of the review queue, the asset tags and the audit trail. */
public final class ReviewProblemMappers {

  private ReviewProblemMappers() {}

  /** 400: a relabel to a term of another vocabulary or to no term, repeated items. */
  @Provider
  public static class InvalidDecision implements ExceptionMapper<InvalidDecisionException> {
    @Override
    public Response toResponse(InvalidDecisionException invalid) {
      return Problems.of(
          Response.Status.BAD_REQUEST,
          "invalid-decision",
          "The decision is not possible; nothing was changed",
          invalid.getMessage());
    }
  }

  /** 400: an unknown, repeated or malformed query parameter. */
  @Provider
  public static class InvalidParameter implements ExceptionMapper<InvalidParameterException> {
    @Override
    public Response toResponse(InvalidParameterException invalid) {
      return Problems.of(
          Response.Status.BAD_REQUEST,
          "invalid-parameter",
          "A parameter is not valid",
          invalid.getMessage());
    }
  }
}
