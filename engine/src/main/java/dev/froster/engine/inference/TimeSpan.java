package dev.froster.engine.inference;

/**
 * A stretch of a video, in milliseconds from its first frame.
 *
 * @param startMillis start (inclusive), not negative
 * @param endMillis end (exclusive), after the start
 */
public record TimeSpan(long startMillis, long endMillis) {
  public TimeSpan {
    if (startMillis < 0 || endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "a time span needs 0 <= start < end, got [" + startMillis + ", " + endMillis + ")");
    }
  }

  /**
   * Times in microseconds of {@code count} samples spread uniformly over the span: the centre of
   * each of {@code count} equal parts (as {@code FrameSampler.uniformIndices} spreads frames).
   */
  long[] sampleMicros(int count) {
    long[] times = new long[count];
    double length = (endMillis - startMillis) * 1000.0;
    for (int i = 0; i < count; i++) {
      times[i] = startMillis * 1000 + (long) Math.floor((i + 0.5) * length / count);
    }
    return times;
  }
}
