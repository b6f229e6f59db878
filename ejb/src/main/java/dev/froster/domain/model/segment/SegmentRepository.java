package dev.froster.domain.model.segment;

import java.util.Optional;

/** Finds segments. */
public interface SegmentRepository {

  Optional<Segment> find(SegmentId id);
}
