package dev.froster.domain.model.model;

/**
 * How completely a version has embedded what search and tagging need before it may serve.
 *
 * <p>The rule (docs/retraining.md, "Promotion and re-embedding"): the reference segments are the
 * segments the active version has embedded (every segment when no version is active) whose asset
 * has not failed; an asset whose file can no longer be decoded is marked failed by the re-embedding
 * and so leaves the reference set, exactly as {@code embed-catalog} skips it. The version is
 * complete when it has embedded every reference segment, has a term embedding for every term of
 * every vocabulary, and its HNSW index exists.
 *
 * @param referenceSegments segments the version must have embedded
 * @param missingSegments reference segments it has not embedded
 * @param missingTerms terms (of any vocabulary) it has no embedding of
 * @param indexPresent whether its HNSW index exists
 */
public record EmbeddingCoverage(
    long referenceSegments, long missingSegments, long missingTerms, boolean indexPresent) {

  public EmbeddingCoverage {
    if (referenceSegments < 0 || missingSegments < 0 || missingTerms < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    if (missingSegments > referenceSegments) {
      throw new IllegalArgumentException(
          missingSegments + " missing segments out of only " + referenceSegments);
    }
  }

  public boolean complete() {
    return missingSegments == 0 && missingTerms == 0 && indexPresent;
  }

  /** What is missing, in words for an error message; "complete" when nothing is. */
  public String describe() {
    if (complete()) {
      return "complete (" + referenceSegments + " segments)";
    }
    StringBuilder missing = new StringBuilder();
    if (missingSegments > 0) {
      missing.append(missingSegments).append(" of ").append(referenceSegments).append(" segments");
    }
    if (missingTerms > 0) {
      missing.append(missing.isEmpty() ? "" : ", ").append(missingTerms).append(" term(s)");
    }
    if (!indexPresent) {
      missing.append(missing.isEmpty() ? "" : ", ").append("the HNSW index");
    }
    return "incomplete: missing " + missing;
  }
}
