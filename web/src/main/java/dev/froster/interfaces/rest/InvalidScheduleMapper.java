package dev.froster.interfaces.rest;

import dev.froster.domain.model.schedule.InvalidScheduleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 for a schedule whose name or cron expression is not valid; the detail names the field. */
@Provider
public class InvalidScheduleMapper implements ExceptionMapper<InvalidScheduleException> {

  @Override
  public Response toResponse(InvalidScheduleException exception) {
    return Problems.of(
        Response.Status.BAD_REQUEST,
        "invalid-schedule",
        "The schedule is not valid",
        exception.getMessage());
  }
}
