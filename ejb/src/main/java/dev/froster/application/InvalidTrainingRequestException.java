package dev.froster.application;

import jakarta.ejb.ApplicationException;

/** A training run or dataset request names a bad value or an unusable dataset folder. */
@ApplicationException(rollback = true)
public class InvalidTrainingRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidTrainingRequestException(String message) {
    super(message);
  }
}
