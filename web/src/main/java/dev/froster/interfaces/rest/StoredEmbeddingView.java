package dev.froster.interfaces.rest;

/** What was stored, as JSON. */
public record StoredEmbeddingView(long modelVersionId, long segmentId, int dimensions) {}
