package dev.froster.domain.model.tag;

import java.util.Optional;

/** Finds tags to change them. */
public interface TagRepository {

  Optional<Tag> find(TagId id);

  /**
   * The tag, its row locked until the transaction ends, so that two reviewers deciding the same
   * item are served one after the other and the second sees the first one's decision.
   */
  Optional<Tag> findForDecision(TagId id);
}
