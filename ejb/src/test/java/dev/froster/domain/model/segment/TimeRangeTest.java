package dev.froster.domain.model.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeRangeTest {

  @Test
  void knowsItsDuration() {
    assertEquals(1500, new TimeRange(500, 2000).durationMs());
  }

  @Test
  void includesItsStartButNotItsEnd() {
    TimeRange range = new TimeRange(1000, 2000);
    assertTrue(range.contains(1000));
    assertTrue(range.contains(1999));
    assertFalse(range.contains(2000));
    assertFalse(range.contains(999));
  }

  @Test
  void overlapsOnlyWhenTheRangesShareTime() {
    TimeRange range = new TimeRange(1000, 2000);
    assertTrue(range.overlaps(new TimeRange(1999, 3000)));
    assertTrue(range.overlaps(new TimeRange(0, 1001)));
    assertFalse(range.overlaps(new TimeRange(2000, 3000)));
    assertFalse(range.overlaps(new TimeRange(0, 1000)));
  }

  @Test
  void rejectsANegativeStart() {
    assertThrows(IllegalArgumentException.class, () -> new TimeRange(-1, 10));
  }

  @Test
  void rejectsAnEmptyOrReversedRange() {
    assertThrows(IllegalArgumentException.class, () -> new TimeRange(10, 10));
    assertThrows(IllegalArgumentException.class, () -> new TimeRange(10, 5));
  }

  @Test
  void identifiersMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new SegmentId(0));
    assertEquals(7, new SegmentId(7).value());
  }
}
