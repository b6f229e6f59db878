package dev.froster.application;

import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.embedding.Neighbour;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.segment.SegmentId;
import java.util.List;

/** Stores what a model version computed for a segment and finds the segments nearest a query. */
public interface SegmentEmbeddingService {

  /**
   * Stores (or replaces) the embedding of a segment for a model version.
   *
   * @return true when it was new, false when it replaced an earlier one
   * @throws UnknownEntityException when the segment or the model version does not exist
   * @throws dev.froster.domain.model.embedding.EmbeddingDimensionException when the dimension is
   *     not the model version's
   */
  boolean store(SegmentId segment, ModelVersionId modelVersion, Embedding embedding);

  /** The {@code limit} segments whose embeddings are nearest {@code query} by cosine distance. */
  List<Neighbour> nearestSegments(ModelVersionId modelVersion, Embedding query, int limit);

  /** How many segments the model version has embedded. */
  long countEmbeddings(ModelVersionId modelVersion);
}
