package dev.froster.application;

import jakarta.ejb.ApplicationException;

/** A search request the service refuses; {@link #parameter()} names the offending parameter. */
@ApplicationException(rollback = true)
public class InvalidSearchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final String reason;

  public InvalidSearchException(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
    this.reason = reason;
  }

  /** What is wrong, without the parameter's name. */
  public String reason() {
    return reason;
  }

  public String parameter() {
    return parameter;
  }
}
