package dev.froster.engine.video.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows of one shot: {@code window} long, each starting {@code step} after the previous, the
 * last one clipped to the shot's end; a shot shorter than a window is one window. A window that
 * ends within {@code slack} of the shot's end is the last one and ends with the shot: timestamps
 * rounded by the container (Matroska keeps milliseconds) must not add a sliver of a window.
 */
final class SegmentWindows {
  private SegmentWindows() {}

  /** Windows {@code [start, end)} of a shot {@code [shotStart, shotEnd)}, in any time unit. */
  static List<long[]> of(long shotStart, long shotEnd, long window, long step) {
    return of(shotStart, shotEnd, window, step, 0);
  }

  /** As {@link #of(long, long, long, long)}, with windows this close to the end reaching it. */
  static List<long[]> of(long shotStart, long shotEnd, long window, long step, long slack) {
    if (shotEnd <= shotStart) {
      throw new IllegalArgumentException("empty shot [" + shotStart + ", " + shotEnd + ")");
    }
    if (window <= 0 || step <= 0 || slack < 0) {
      throw new IllegalArgumentException("window and step must be positive, slack not negative");
    }
    List<long[]> windows = new ArrayList<>();
    for (long start = shotStart; ; start += step) {
      if (start + window >= shotEnd - slack) {
        windows.add(new long[] {start, shotEnd});
        return windows;
      }
      windows.add(new long[] {start, start + window});
    }
  }
}
