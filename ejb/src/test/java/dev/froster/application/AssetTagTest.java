package dev.froster.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.domain.model.segment.TimeRange;
import dev.froster.domain.model.tag.TagStatus;
import dev.froster.domain.model.tag.TermRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssetTagTest {

  private static final TermRef RUNNING = new TermRef(1, "running", 10, "actions");
  private static final TermRef JUMPING = new TermRef(2, "jumping", 10, "actions");
  private static final TermRef BEACH = new TermRef(3, "beach", 20, "places");

  private static TagOccurrence onSegment(
      TermRef term, TagStatus status, long segment, long start, long end, Float confidence) {
    return new TagOccurrence(term, status, segment, new TimeRange(start, end), confidence);
  }

  @Test
  void segmentTagsOfOneTermBecomeOneEntryWithMergedRangesMaxAndMean() {
    List<AssetTag> tags =
        AssetTag.aggregate(
            List.of(
                onSegment(RUNNING, TagStatus.ACCEPTED, 1, 0, 2000, 0.9f),
                onSegment(RUNNING, TagStatus.ACCEPTED, 2, 1000, 3000, 0.5f),
                onSegment(RUNNING, TagStatus.ACCEPTED, 3, 8000, 10_000, 0.7f)));
    assertEquals(1, tags.size());
    AssetTag running = tags.get(0);
    assertEquals(RUNNING, running.term());
    assertEquals(3, running.segmentTags());
    assertFalse(running.wholeAsset());
    assertEquals(0.9f, running.maxConfidence());
    assertEquals(0.7f, running.meanConfidence(), 1e-6);
    assertEquals(List.of(new TimeRange(0, 3000), new TimeRange(8000, 10_000)), running.ranges());
  }

  @Test
  void termsAndStatusesStayApartOrderedByVocabularyThenStatusThenConfidence() {
    List<AssetTag> tags =
        AssetTag.aggregate(
            List.of(
                onSegment(BEACH, TagStatus.ACCEPTED, 1, 0, 2000, 0.99f),
                onSegment(RUNNING, TagStatus.PENDING, 2, 0, 2000, 0.95f),
                onSegment(RUNNING, TagStatus.ACCEPTED, 3, 4000, 6000, 0.6f),
                onSegment(JUMPING, TagStatus.ACCEPTED, 4, 2000, 4000, 0.8f)));
    assertEquals(
        List.of(
            "actions/jumping/ACCEPTED",
            "actions/running/ACCEPTED",
            "actions/running/PENDING",
            "places/beach/ACCEPTED"),
        tags.stream()
            .map(t -> t.term().vocabularyName() + "/" + t.term().label() + "/" + t.status())
            .toList());
  }

  @Test
  void anAssetLevelTagMarksTheWholeAssetAndAManualOneHasNoConfidence() {
    List<AssetTag> tags =
        AssetTag.aggregate(
            List.of(
                new TagOccurrence(BEACH, TagStatus.ACCEPTED, null, null, null),
                new TagOccurrence(RUNNING, TagStatus.ACCEPTED, null, new TimeRange(0, 1000), 0.4f),
                onSegment(RUNNING, TagStatus.ACCEPTED, 5, 1000, 2000, 0.8f)));
    AssetTag running = tags.get(0);
    assertTrue(running.wholeAsset());
    assertEquals(1, running.segmentTags());
    assertEquals(List.of(new TimeRange(0, 2000)), running.ranges());
    AssetTag beach = tags.get(1);
    assertTrue(beach.wholeAsset());
    assertEquals(0, beach.segmentTags());
    assertNull(beach.maxConfidence());
    assertNull(beach.meanConfidence());
    assertEquals(List.of(), beach.ranges());
  }
}
