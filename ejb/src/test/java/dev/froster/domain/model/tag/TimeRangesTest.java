package dev.froster.domain.model.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.froster.domain.model.segment.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRangesTest {

  @Test
  void overlappingRangesBecomeOne() {
    assertEquals(
        List.of(new TimeRange(0, 3000)),
        TimeRanges.merge(List.of(new TimeRange(0, 2000), new TimeRange(1000, 3000))));
  }

  @Test
  void adjacentRangesBecomeOneBecauseRangesAreHalfOpen() {
    assertEquals(
        List.of(new TimeRange(0, 4000)),
        TimeRanges.merge(List.of(new TimeRange(2000, 4000), new TimeRange(0, 2000))));
  }

  @Test
  void aGapKeepsRangesApartAndTheResultIsSortedByStart() {
    assertEquals(
        List.of(new TimeRange(0, 1000), new TimeRange(1001, 2000), new TimeRange(5000, 6000)),
        TimeRanges.merge(
            List.of(new TimeRange(5000, 6000), new TimeRange(1001, 2000), new TimeRange(0, 1000))));
  }

  @Test
  void aRangeInsideAnotherIsSwallowedAndLaterOnesStillJoin() {
    assertEquals(
        List.of(new TimeRange(0, 9000)),
        TimeRanges.merge(
            List.of(
                new TimeRange(0, 8000),
                new TimeRange(1000, 2000),
                new TimeRange(8000, 9000),
                new TimeRange(3000, 4000))));
  }

  @Test
  void halfOverlappingWindowsOfOneShotChainIntoOneRange() {
    // The segmenter's windows overlap by half: 0-2000, 1000-3000, 2000-4000, ...
    List<TimeRange> windows =
        List.of(
            new TimeRange(0, 2000),
            new TimeRange(1000, 3000),
            new TimeRange(2000, 4000),
            new TimeRange(10_000, 12_000));
    assertEquals(
        List.of(new TimeRange(0, 4000), new TimeRange(10_000, 12_000)), TimeRanges.merge(windows));
  }

  @Test
  void nothingMergesToNothing() {
    assertEquals(List.of(), TimeRanges.merge(List.of()));
  }
}
