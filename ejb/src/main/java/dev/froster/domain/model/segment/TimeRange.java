package dev.froster.domain.model.segment;

/** A half-open time range [start, end) within a video, in milliseconds. */
public record TimeRange(long startMs, long endMs) {

  public TimeRange {
    if (startMs < 0) {
      throw new IllegalArgumentException("time range start must not be negative, was " + startMs);
    }
    if (endMs <= startMs) {
      throw new IllegalArgumentException(
          "time range must end after it starts, was " + startMs + ".." + endMs + " ms");
    }
  }

  public long durationMs() {
    return endMs - startMs;
  }

  public boolean contains(long instantMs) {
    return instantMs >= startMs && instantMs < endMs;
  }

  public boolean overlaps(TimeRange other) {
    return startMs < other.endMs && other.startMs < endMs;
  }
}
