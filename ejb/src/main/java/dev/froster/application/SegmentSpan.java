package dev.froster.application;

import java.io.Serializable;

/** A segment waiting for its embedding: its id and time range in ms. */
public record SegmentSpan(long segmentId, long startMs, long endMs) implements Serializable {}
