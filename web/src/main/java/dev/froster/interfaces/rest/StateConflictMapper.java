package dev.froster.interfaces.rest;

import dev.froster.application.StateConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request the current state forbids: 409 with the reason. */
@Provider
public class StateConflictMapper implements ExceptionMapper<StateConflictException> {

  @Override
  public Response toResponse(StateConflictException exception) {
    return Problems.of(
        Response.Status.CONFLICT, "conflict", "Not possible now", exception.getMessage());
  }
}
