package dev.froster.application.internal;

import dev.froster.application.SegmentEmbeddingService;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.embedding.Neighbour;
import dev.froster.domain.model.embedding.SegmentEmbedding;
import dev.froster.domain.model.embedding.SegmentEmbeddingRepository;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionRepository;
import dev.froster.domain.model.segment.Segment;
import dev.froster.domain.model.segment.SegmentId;
import dev.froster.domain.model.segment.SegmentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class DefaultSegmentEmbeddingService implements SegmentEmbeddingService {

  private static final Logger LOG =
      Logger.getLogger(DefaultSegmentEmbeddingService.class.getName());

  @Inject private SegmentRepository segments;
  @Inject private ModelVersionRepository modelVersions;
  @Inject private SegmentEmbeddingRepository embeddings;

  @Override
  public boolean store(SegmentId segmentId, ModelVersionId modelVersionId, Embedding embedding) {
    ModelVersion modelVersion = modelVersion(modelVersionId);
    modelVersion.requireCompatible(embedding);
    Segment segment =
        segments.find(segmentId).orElseThrow(() -> new UnknownEntityException(segmentId));
    Optional<SegmentEmbedding> existing = embeddings.find(segmentId, modelVersionId);
    if (existing.isPresent()) {
      existing.get().replace(embedding);
    } else {
      embeddings.add(new SegmentEmbedding(segment, modelVersion, embedding));
    }
    LOG.fine(() -> "Stored the embedding of " + segmentId + " for " + modelVersionId);
    return existing.isEmpty();
  }

  @Override
  public List<Neighbour> nearestSegments(
      ModelVersionId modelVersionId, Embedding query, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    modelVersion(modelVersionId).requireCompatible(query);
    return embeddings.nearest(modelVersionId, query, limit);
  }

  @Override
  public long countEmbeddings(ModelVersionId modelVersionId) {
    modelVersion(modelVersionId);
    return embeddings.count(modelVersionId);
  }

  private ModelVersion modelVersion(ModelVersionId id) {
    return modelVersions.find(id).orElseThrow(() -> new UnknownEntityException(id));
  }
}
