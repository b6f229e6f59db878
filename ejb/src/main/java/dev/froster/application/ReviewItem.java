package dev.froster.application;

import dev.froster.domain.model.segment.TimeRange;
import dev.froster.domain.model.tag.TagId;
import dev.froster.domain.model.tag.TagSource;
import dev.froster.domain.model.tag.TagStatus;
import dev.froster.domain.model.tag.TermRef;
import java.time.Instant;
import java.util.List;

/**
 * A tag as a reviewer sees it: where (asset, segment, time range; segment and range null for an
 * asset-level tag without a range), what (suggested term, confidence, runner-up terms best first).
 */
public record ReviewItem(
    TagId id,
    long assetId,
    String assetTitle,
    Long segmentId,
    TimeRange range,
    boolean hasKeyframe,
    TermRef term,
    Float confidence,
    List<RunnerUp> runnersUp,
    TagStatus status,
    TagSource source,
    Instant createdAt) {}
