package dev.froster.domain.model.embedding;

import dev.froster.domain.model.segment.SegmentId;

/** A segment found near a query embedding, with its cosine distance (0 = same direction). */
public record Neighbour(SegmentId segmentId, double cosineDistance) {}
