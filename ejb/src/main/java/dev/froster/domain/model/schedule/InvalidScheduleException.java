package dev.froster.domain.model.schedule;

import jakarta.ejb.ApplicationException;

/** A schedule request is not valid; the message starts with the field's name. */
@ApplicationException(rollback = true)
public class InvalidScheduleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidScheduleException(String message) {
    super(message);
  }
}
