package dev.froster.application;

import jakarta.ejb.ApplicationException;

/** A bundle path names no usable model bundle, or lies outside the models root. */
@ApplicationException(rollback = true)
public class InvalidModelBundleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidModelBundleException(String message) {
    super(message);
  }
}
