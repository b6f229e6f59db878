package dev.froster.domain.model.segment;

import dev.froster.domain.model.asset.AssetId;
import java.util.List;
import java.util.Optional;

/** Stores and finds segments. */
public interface SegmentRepository {

  Optional<Segment> find(SegmentId id);

  void add(Segment segment);

  /** The segments of an asset in time order, without keyframe bytes. */
  List<SegmentSummary> ofAsset(AssetId asset);

  /** The keyframe JPEG of a segment; empty when the segment does not exist or has none. */
  Optional<byte[]> keyframe(SegmentId id);
}
