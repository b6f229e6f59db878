package dev.froster.application;

import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.asset.AssetStatus;
import dev.froster.domain.model.asset.ProbeFacts;
import dev.froster.domain.model.segment.SegmentSummary;
import java.time.Instant;
import java.util.List;

/**
 * Everything an asset's page shows: status, failure reason, probe facts (null until probed),
 * segments.
 */
public record AssetDetails(
    AssetId id,
    String sourceUri,
    String sha256,
    String title,
    String collection,
    String externalId,
    String metadataJson,
    AssetStatus status,
    String failureReason,
    ProbeFacts probe,
    Instant ingestedAt,
    List<SegmentSummary> segments) {}
