package dev.froster.application;

/**
 * How far a model version has embedded a scope of the catalogue: segments with an embedding ({@code
 * done}) out of all segments of its assets that have not failed ({@code total}).
 */
public record EmbeddingProgress(long done, long total) {}
