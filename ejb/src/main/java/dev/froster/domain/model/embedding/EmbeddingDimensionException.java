package dev.froster.domain.model.embedding;

import dev.froster.domain.model.model.ModelVersionId;
import jakarta.ejb.ApplicationException;

/** An embedding whose dimension is not the one its model version produces. */
@ApplicationException(rollback = true)
public class EmbeddingDimensionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int expected;
  private final int actual;

  public EmbeddingDimensionException(ModelVersionId modelVersion, int expected, int actual) {
    super(modelVersion + " embeds into " + expected + " dimensions, the vector has " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  public int expected() {
    return expected;
  }

  public int actual() {
    return actual;
  }
}
