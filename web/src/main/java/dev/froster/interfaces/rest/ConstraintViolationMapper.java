package dev.froster.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** Bean Validation failures on parameters, as problem details naming each parameter. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    String detail =
        exception.getConstraintViolations().stream()
            .map(ConstraintViolationMapper::describe)
            .sorted()
            .collect(Collectors.joining("; "));
    return Problems.of(
        Response.Status.BAD_REQUEST, "invalid-parameter", "A parameter is not valid", detail);
  }

  private static String describe(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String parameter = path.substring(path.lastIndexOf('.') + 1);
    return parameter + " " + violation.getMessage() + " (was " + violation.getInvalidValue() + ")";
  }
}
