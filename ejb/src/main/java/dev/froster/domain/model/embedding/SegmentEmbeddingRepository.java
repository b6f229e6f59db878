package dev.froster.domain.model.embedding;

import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.segment.SegmentId;
import java.util.List;
import java.util.Optional;

/** Stores segment embeddings and searches them by cosine distance, one model version at a time. */
public interface SegmentEmbeddingRepository {

  Optional<SegmentEmbedding> find(SegmentId segment, ModelVersionId modelVersion);

  void add(SegmentEmbedding embedding);

  /** The {@code limit} segments nearest to {@code query}, nearest first. */
  List<Neighbour> nearest(ModelVersionId modelVersion, Embedding query, int limit);

  /** How many segments the model version has embedded. */
  long count(ModelVersionId modelVersion);
}
