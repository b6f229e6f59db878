package dev.froster.application;

import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.vocabulary.VocabularyId;
import java.util.List;

/**
 * The steps of the {@code auto-tag} job: find segments embedded by a model version that have not
 * been scored against a vocabulary (the one named, or every active one when {@code vocabulary} is
 * null), score them and store their tags together with the record that they were scored.
 */
public interface TaggingService {

  /** Up to {@code limit} segments with an id above {@code afterSegmentId} lacking a scoring. */
  List<UntaggedSegment> nextUntagged(
      ModelVersionId version, VocabularyId vocabulary, long afterSegmentId, int limit);

  long countUntagged(ModelVersionId version, VocabularyId vocabulary, long afterSegmentId);

  /**
   * Computes the class embeddings the version lacks for the terms concerned.
   *
   * @return how many were computed
   */
  int prepareTermEmbeddings(ModelVersionId version, VocabularyId vocabulary);

  /**
   * Scores the segments against every vocabulary concerned that has not scored them yet and stores
   * tags and scorings in the caller's transaction (repeats change nothing).
   *
   * @return how many new tags were made
   */
  int tag(ModelVersionId version, VocabularyId vocabulary, List<UntaggedSegment> segments);

  /** Whether the active version has embedded segments that an active vocabulary has not scored. */
  boolean anyUntaggedForActiveVersion();
}
