package dev.froster.domain.model.tag;

import dev.froster.domain.model.segment.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The time ranges one term covers on one asset, as few ranges as possible. */
public final class TimeRanges {

  private TimeRanges() {}

  /**
   * Merges overlapping and adjacent ranges (ranges are half-open, so [0, 2000) and [2000, 4000)
   * touch and become [0, 4000)); the result is sorted by start and its ranges are disjoint with
   * gaps between them.
   */
  public static List<TimeRange> merge(List<TimeRange> ranges) {
    List<TimeRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(TimeRange::startMs).thenComparingLong(TimeRange::endMs));
    List<TimeRange> merged = new ArrayList<>();
    for (TimeRange range : sorted) {
      int last = merged.size() - 1;
      if (last >= 0 && range.startMs() <= merged.get(last).endMs()) {
        TimeRange open = merged.get(last);
        merged.set(last, new TimeRange(open.startMs(), Math.max(open.endMs(), range.endMs())));
      } else {
        merged.add(range);
      }
    }
    return List.copyOf(merged);
  }
}
