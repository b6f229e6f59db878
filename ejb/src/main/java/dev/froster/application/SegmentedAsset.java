package dev.froster.application;

import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.segment.Segmentation;

/** One asset's probe facts and segments, on their way from the job's processor to its writer. */
public record SegmentedAsset(AssetId id, Segmentation.Result result) {}
