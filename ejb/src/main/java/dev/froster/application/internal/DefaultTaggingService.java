package dev.froster.application.internal;

import dev.froster.application.ModelRegistry;
import dev.froster.application.TaggingService;
import dev.froster.application.UntaggedSegment;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.vocabulary.TagDecision;
import dev.froster.domain.model.vocabulary.TagRouting;
import dev.froster.domain.model.vocabulary.TermVector;
import dev.froster.domain.model.vocabulary.Vocabulary;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.domain.model.vocabulary.VocabularyRepository;
import dev.froster.infrastructure.inference.VideoEmbedders;
import dev.froster.infrastructure.vector.PgVectorTagging;
import dev.froster.infrastructure.vector.PgVectorTermEmbeddings;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Stateless
public class DefaultTaggingService implements TaggingService {

  @EJB private ModelRegistry models;
  @Inject private VocabularyRepository vocabularies;
  @Inject private TermEmbeddings termEmbeddings;
  @Inject private PgVectorTermEmbeddings termVectors;
  @Inject private PgVectorTagging tagging;
  @Inject private VideoEmbedders embedders;

  /** A vocabulary as scored: its routing and its terms' class embeddings. */
  private record Scoring(TagRouting routing, List<TermVector> terms) {}

  @Override
  public List<UntaggedSegment> nextUntagged(
      ModelVersionId version, VocabularyId vocabulary, long afterSegmentId, int limit) {
    return tagging.nextUntagged(version, vocabulary, afterSegmentId, limit);
  }

  @Override
  public long countUntagged(ModelVersionId version, VocabularyId vocabulary, long afterSegmentId) {
    return tagging.countUntagged(version, vocabulary, afterSegmentId);
  }

  @Override
  public int prepareTermEmbeddings(ModelVersionId version, VocabularyId vocabulary) {
    return termEmbeddings.fillMissing(models.find(version), vocabulary);
  }

  @Override
  public int tag(
      ModelVersionId versionId, VocabularyId vocabulary, List<UntaggedSegment> segments) {
    tagging.lockForScoring(vocabulary);
    ModelVersion version = models.find(versionId);
    // terms added since the job started get their embeddings before they are scored
    termEmbeddings.fillMissing(version, vocabulary);
    float logitScale = embedders.of(version).logitScale();
    Map<VocabularyId, Optional<Scoring>> scorings = new HashMap<>();
    int tags = 0;
    Map<Long, List<VocabularyId>> lacking =
        tagging.vocabulariesLacking(
            segments.stream().map(UntaggedSegment::segmentId).toList(), versionId, vocabulary);
    for (UntaggedSegment segment : segments) {
      for (VocabularyId id : lacking.getOrDefault(segment.segmentId(), List.of())) {
        Optional<Scoring> scoring =
            scorings.computeIfAbsent(id, unscored -> scoring(unscored, versionId, logitScale));
        if (scoring.isEmpty()) {
          continue;
        }
        TagDecision decision =
            scoring.get().routing().decide(segment.embedding(), scoring.get().terms()).orElse(null);
        if (tagging.record(segment.segmentId(), id, versionId, decision)) {
          tags++;
        }
      }
    }
    return tags;
  }

  @Override
  public boolean anyUntaggedForActiveVersion() {
    return models.active().map(version -> tagging.anyUntagged(version.id())).orElse(false);
  }

  private Optional<Scoring> scoring(VocabularyId id, ModelVersionId version, float logitScale) {
    Optional<Vocabulary> vocabulary = vocabularies.find(id);
    List<TermVector> terms = termVectors.of(id, version);
    if (vocabulary.isEmpty() || terms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Scoring(new TagRouting(logitScale, vocabulary.get().thresholds()), terms));
  }
}
