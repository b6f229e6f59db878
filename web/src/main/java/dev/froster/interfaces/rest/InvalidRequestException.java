package dev.froster.interfaces.rest;

/** A request body that cannot be read; the message names the field. */
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
