package dev.froster.application;

import dev.froster.domain.model.tag.TagId;
import java.util.List;

/**
 * The review queue: pending tags to look at, and the decisions about them. Every decision changes
 * the tag, stores a review decision and writes an audit entry in one transaction.
 */
public interface ReviewService {

  /** The largest number of items one bulk decision may name. */
  int MAX_ITEMS_PER_DECISION = 500;

  ReviewPage pending(ReviewQueueQuery query);

  /**
   * Any tag (pending or decided) as a review item.
   *
   * @throws UnknownEntityException when there is no such tag
   */
  ReviewItem item(TagId id);

  /**
   * Applies one decision to every tag named, all or nothing, as the caller.
   *
   * @throws UnknownEntityException when a tag does not exist (nothing is changed)
   * @throws StateConflictException when a tag is no longer pending (nothing is changed)
   * @throws InvalidDecisionException for a relabel to an unknown term or one of another vocabulary,
   *     or repeated items (nothing is changed)
   */
  List<DecidedTag> decide(List<TagId> tags, ReviewRequest request);
}
