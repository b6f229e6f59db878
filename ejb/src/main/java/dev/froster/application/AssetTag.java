package dev.froster.application;

import dev.froster.domain.model.segment.TimeRange;
import dev.froster.domain.model.tag.TagStatus;
import dev.froster.domain.model.tag.TermRef;
import dev.froster.domain.model.tag.TimeRanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One term on one asset: how many segment tags name it and whether the asset as a whole is tagged
 * with it, the highest and mean confidence (null when no tag has one), and the merged time ranges
 * the term covers.
 */
public record AssetTag(
    TermRef term,
    TagStatus status,
    int segmentTags,
    boolean wholeAsset,
    Float maxConfidence,
    Float meanConfidence,
    List<TimeRange> ranges) {

  /**
   * One entry per term and status: segment ranges merged where they overlap or touch, asset-level
   * tags counted in {@code wholeAsset} (their range, if any, merged with the rest). Ordered by
   * vocabulary name, then accepted before pending, then highest confidence first, then label.
   */
  public static List<AssetTag> aggregate(List<TagOccurrence> occurrences) {
    Map<List<Object>, List<TagOccurrence>> byTerm = new LinkedHashMap<>();
    for (TagOccurrence occurrence : occurrences) {
      byTerm
          .computeIfAbsent(
              List.of(occurrence.term().id(), occurrence.status()), key -> new ArrayList<>())
          .add(occurrence);
    }
    List<AssetTag> tags = new ArrayList<>();
    for (List<TagOccurrence> group : byTerm.values()) {
      List<TimeRange> ranges =
          group.stream().map(TagOccurrence::range).filter(Objects::nonNull).toList();
      List<Float> confidences =
          group.stream().map(TagOccurrence::confidence).filter(Objects::nonNull).toList();
      Float max = confidences.stream().max(Float::compare).orElse(null);
      Float mean =
          confidences.isEmpty()
              ? null
              : (float)
                  confidences.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
      tags.add(
          new AssetTag(
              group.get(0).term(),
              group.get(0).status(),
              (int) group.stream().filter(o -> o.segmentId() != null).count(),
              group.stream().anyMatch(o -> o.segmentId() == null),
              max,
              mean,
              TimeRanges.merge(ranges)));
    }
    tags.sort(
        Comparator.comparing((AssetTag tag) -> tag.term().vocabularyName())
            .thenComparing(AssetTag::status)
            .thenComparing(
                tag -> tag.maxConfidence() == null ? -1f : tag.maxConfidence(),
                Comparator.reverseOrder())
            .thenComparing(tag -> tag.term().label()));
    return List.copyOf(tags);
  }
}
