package dev.froster.application;

import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.tag.TagId;
import dev.froster.domain.model.tag.TermRef;
import java.util.List;
import java.util.Optional;

/**
 * The read side of tags: joins of tags with their segments, assets, terms and vocabularies that no
 * single aggregate holds.
 */
public interface TagQueries {

  /** Up to {@code rows} pending items matching the query, in its order, after its cursor. */
  List<ReviewItem> pending(ReviewQueueQuery query, int rows);

  Optional<ReviewItem> item(TagId id);

  Optional<TermRef> term(long termId);

  boolean assetExists(AssetId asset);

  /**
   * The automatic tag of a segment for a term and model version, if there is one (the schema allows
   * one: {@code tag_auto_once}).
   */
  Optional<TagId> automaticTag(long segmentId, long termId, long modelVersionId);

  /** The asset's segment tags and asset-level tags, accepted (and pending when asked). */
  List<TagOccurrence> occurrences(AssetId asset, boolean includePending);

  /** See {@link LabelledExamples#list}. */
  List<LabelledExample> labelledExamples(Long vocabularyId, long afterDecisionId, int limit);
}
