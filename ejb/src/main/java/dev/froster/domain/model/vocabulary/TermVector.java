package dev.froster.domain.model.vocabulary;

/** A term's class embedding for one model version (unit length). */
public record TermVector(long termId, float[] embedding) {}
