package dev.froster.application;

import java.util.List;

/**
 * The labelled examples review decisions produce, for the training job: every accepted or
 * relabelled tag that is still accepted, with its current term.
 */
public interface LabelledExamples {

  /** The largest page a client may ask for. */
  int MAX_LIMIT = 1000;

  /**
   * Examples in decision order, those decided after {@code afterDecisionId} (0 = from the start),
   * of one vocabulary or all (null), at most {@code limit}.
   */
  List<LabelledExample> list(Long vocabularyId, long afterDecisionId, int limit);
}
