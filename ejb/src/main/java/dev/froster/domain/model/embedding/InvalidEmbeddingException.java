package dev.froster.domain.model.embedding;

/** An embedding that cannot be stored or compared: empty, too long, non-finite or all zeros. */
public class InvalidEmbeddingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidEmbeddingException(String message) {
    super(message);
  }
}
