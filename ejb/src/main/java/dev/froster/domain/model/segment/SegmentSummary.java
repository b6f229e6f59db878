package dev.froster.domain.model.segment;

/** A stored segment without its keyframe bytes: what an asset's page lists. */
public record SegmentSummary(SegmentId id, TimeRange range, boolean hasKeyframe) {}
