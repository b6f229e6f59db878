package dev.froster.application;

import dev.froster.domain.model.segment.TimeRange;
import dev.froster.domain.model.tag.TagStatus;
import dev.froster.domain.model.tag.TermRef;

/**
 * One tag of an asset before aggregation: {@code segmentId} null for an asset-level tag, {@code
 * range} null for an asset-level tag without a range, {@code confidence} null for a manual tag.
 */
public record TagOccurrence(
    TermRef term, TagStatus status, Long segmentId, TimeRange range, Float confidence) {}
