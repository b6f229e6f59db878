package dev.froster.application;

/**
 * A change of a vocabulary's settings; a null field stays as it is (an empty description clears
 * it). Thresholds are checked together after the change: {@code 0 <= review <= accept <= 1}.
 */
public record VocabularyChange(
    String name,
    String description,
    Double acceptThreshold,
    Double reviewThreshold,
    Boolean active) {}
