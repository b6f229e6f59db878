package dev.froster.infrastructure.vector;

import dev.froster.domain.model.model.ModelVersionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * One HNSW index per model version: {@code segment_embedding} has no fixed dimension, so each
 * version gets a partial expression index over {@code embedding::vector(D)} restricted to its rows
 * (cosine operator class). A query uses it when it orders by {@code embedding::vector(D) <=> q} and
 * filters on the same {@code model_version_id}; see {@link #nearestQueryFor}.
 */
@ApplicationScoped
public class HnswIndexes {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  /** The index name of a version, e.g. {@code segment_embedding_hnsw_v7}. */
  public static String nameFor(ModelVersionId version) {
    return "segment_embedding_hnsw_v" + version.value();
  }

  /**
   * Creates the version's index in the caller's transaction unless it exists. Identifiers and the
   * dimension are numbers the application owns, so they can be written into the statement.
   */
  public void ensureFor(ModelVersionId version, int dimension) {
    entityManager.createNativeQuery(createStatementFor(version, dimension)).executeUpdate();
  }

  /**
   * Graph degree of new indexes: links kept per node and layer (pgvector's default, 16). See
   * docs/benchmarks.md, "Search recall and latency", for the measurements behind both settings.
   */
  public static final int M = 16;

  /** Candidates kept while inserting a node (pgvector's default, 64). */
  public static final int EF_CONSTRUCTION = 64;

  /** The statement {@link #ensureFor} runs (also used by tests and benchmarks outside a server). */
  public static String createStatementFor(ModelVersionId version, int dimension) {
    return createStatementFor(version, dimension, M, EF_CONSTRUCTION);
  }

  /** The index statement with explicit build settings (benchmarks compare several). */
  public static String createStatementFor(
      ModelVersionId version, int dimension, int m, int efConstruction) {
    if (m < 2 || m > 100 || efConstruction < 2 * m || efConstruction > 1000) {
      throw new IllegalArgumentException(
          "HNSW build settings out of pgvector's range: m must lie in 2..100 and ef_construction"
              + " in 2*m..1000, were m="
              + m
              + ", ef_construction="
              + efConstruction);
    }
    return "create index if not exists "
        + nameFor(version)
        + " on segment_embedding using hnsw ((embedding::vector("
        + dimension
        + ")) vector_cosine_ops) with (m = "
        + m
        + ", ef_construction = "
        + efConstruction
        + ") where model_version_id = "
        + version.value();
  }

  /**
   * The distance expression the version's index orders by, over {@code embeddingColumn} (e.g.
   * {@code e.embedding}) with one JDBC parameter ({@code ?}) for the query vector's text form.
   * Search SQL must use exactly this shape (and {@code model_version_id = v}) to reach the index.
   */
  public static String indexedDistance(String embeddingColumn, int dimension) {
    return embeddingColumn + "::vector(" + dimension + ") <=> cast(? as vector(" + dimension + "))";
  }

  /** A nearest-neighbour query of the shape the version's index serves (parameter 1: the query). */
  public static String nearestQueryFor(ModelVersionId version, int dimension, int limit) {
    return "select segment_id from segment_embedding where model_version_id = "
        + version.value()
        + " order by embedding::vector("
        + dimension
        + ") <=> cast(?1 as vector("
        + dimension
        + ")) limit "
        + limit;
  }
}
