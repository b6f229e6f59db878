package dev.froster.application;

import java.io.Serializable;
import java.util.List;

/**
 * Consecutive segments of one asset that lack an embedding: the unit the embed job reads, so that
 * one decode of the file serves them all.
 */
public record AssetSegments(long assetId, String sourceUri, List<SegmentSpan> segments)
    implements Serializable {

  public AssetSegments {
    segments = List.copyOf(segments);
  }

  /** The id of the last segment, the reader's checkpoint. */
  public long lastSegmentId() {
    return segments.get(segments.size() - 1).segmentId();
  }
}
