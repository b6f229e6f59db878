package dev.froster.interfaces.rest;

/** A query parameter that is unknown, repeated or not of its type; the message names it. */
public class InvalidParameterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidParameterException(String message) {
    super(message);
  }
}
