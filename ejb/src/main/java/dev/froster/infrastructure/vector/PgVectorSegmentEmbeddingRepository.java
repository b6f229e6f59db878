package dev.froster.infrastructure.vector;

import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.embedding.Neighbour;
import dev.froster.domain.model.embedding.SegmentEmbedding;
import dev.froster.domain.model.embedding.SegmentEmbeddingRepository;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.segment.SegmentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Segment embeddings in the {@code segment_embedding} table, searched with pgvector. */
@ApplicationScoped
public class PgVectorSegmentEmbeddingRepository implements SegmentEmbeddingRepository {

  // Exact search within one model version; the per-version HNSW index (created with the version)
  // serves the same query shape once it exists.
  private static final String NEAREST =
      "select segment_id, embedding <=> cast(?1 as vector) as distance"
          + " from segment_embedding where model_version_id = ?2"
          + " order by distance, segment_id limit ?3";

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<SegmentEmbedding> find(SegmentId segment, ModelVersionId modelVersion) {
    return entityManager
        .createQuery(
            "select e from SegmentEmbedding e"
                + " where e.segment.id = :segment and e.modelVersion.id = :modelVersion",
            SegmentEmbedding.class)
        .setParameter("segment", segment.value())
        .setParameter("modelVersion", modelVersion.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(SegmentEmbedding embedding) {
    entityManager.persist(embedding);
  }

  @Override
  public List<Neighbour> nearest(ModelVersionId modelVersion, Embedding query, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(NEAREST)
            .setParameter(1, query.toPgVectorLiteral())
            .setParameter(2, modelVersion.value())
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Neighbour(
                    new SegmentId(((Number) row[0]).longValue()), ((Number) row[1]).doubleValue()))
        .toList();
  }

  @Override
  public long count(ModelVersionId modelVersion) {
    return entityManager
        .createQuery(
            "select count(e) from SegmentEmbedding e where e.modelVersion.id = :modelVersion",
            Long.class)
        .setParameter("modelVersion", modelVersion.value())
        .getSingleResult();
  }
}
