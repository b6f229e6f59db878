package dev.froster.application.internal;

import dev.froster.application.LabelledExample;
import dev.froster.application.LabelledExamples;
import dev.froster.application.TagQueries;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

@Stateless
public class DefaultLabelledExamples implements LabelledExamples {

  @Inject private TagQueries queries;

  @Override
  public List<LabelledExample> list(Long vocabularyId, long afterDecisionId, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    return queries.labelledExamples(vocabularyId, afterDecisionId, limit);
  }
}
