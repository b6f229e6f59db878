package dev.froster.domain.model.vocabulary;

/** A term and the confidence that a segment shows it (its softmax probability). */
public record ScoredTerm(long termId, double confidence) {}
