package dev.froster.engine.retraining;

/** The training set cannot be used: no examples, a class without examples, nothing to evaluate. */
public final class InvalidTrainingSetException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidTrainingSetException(String message) {
    super(message);
  }
}
