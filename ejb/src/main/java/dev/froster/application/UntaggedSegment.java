package dev.froster.application;

/** A segment with its embedding by the model version being tagged with, not yet scored. */
public record UntaggedSegment(long segmentId, float[] embedding) {}
