package dev.froster.application;

import dev.froster.domain.model.model.EmbeddingCoverage;
import dev.froster.domain.model.model.ModelVersionId;

/** A version may not serve yet: its embeddings do not cover what the active version serves. */
public class IncompleteEmbeddingsException extends StateConflictException {

  private static final long serialVersionUID = 1L;

  public IncompleteEmbeddingsException(ModelVersionId version, EmbeddingCoverage coverage) {
    super(version + " cannot become active, its embeddings are " + coverage.describe());
  }
}
