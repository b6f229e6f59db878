package dev.froster.application;

import dev.froster.domain.model.review.Decision;
import dev.froster.domain.model.segment.TimeRange;
import dev.froster.domain.model.tag.TermRef;
import java.time.Instant;

/**
 * A moment a person confirmed (accept) or corrected (relabel): the term it shows, for retraining.
 * {@code segmentId} and {@code range} are null for an asset-level tag without a range.
 */
public record LabelledExample(
    long decisionId,
    long assetId,
    Long segmentId,
    TimeRange range,
    TermRef term,
    Decision decision,
    String decidedBy,
    Instant decidedAt) {}
