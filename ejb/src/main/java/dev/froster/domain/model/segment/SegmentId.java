package dev.froster.domain.model.segment;

/** The database identity of a segment. */
public record SegmentId(long value) {

  public SegmentId {
    if (value <= 0) {
      throw new IllegalArgumentException("segment id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "segment " + value;
  }
}
