package dev.froster.infrastructure.vector;

import dev.froster.domain.model.model.EmbeddingCoverage;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A version's embeddings as a whole, in the caller's transaction: how completely it covers what the
 * active version serves ({@link EmbeddingCoverage}), and purging them (segment and term embeddings
 * and the HNSW index). Version ids are numbers the application owns, so they are written into the
 * statements.
 */
@ApplicationScoped
public class VersionEmbeddings {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  /**
   * The version's coverage of the reference segments: those {@code reference} has embedded (every
   * segment when it is empty), of assets that have not failed.
   */
  public EmbeddingCoverage coverage(ModelVersionId version, Optional<ModelVersionId> reference) {
    String referenced =
        reference
            .map(
                r ->
                    " and exists (select 1 from segment_embedding r where r.segment_id = s.id"
                        + " and r.model_version_id = "
                        + r.value()
                        + ")")
            .orElse("");
    Object[] segments =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select count(*), count(*) filter (where not exists"
                        + " (select 1 from segment_embedding e where e.segment_id = s.id"
                        + " and e.model_version_id = "
                        + version.value()
                        + ")) from segment s join media_asset a on a.id = s.asset_id"
                        + " where a.status <> 'failed'"
                        + referenced)
                .getSingleResult();
    long missingTerms =
        number(
            entityManager
                .createNativeQuery(
                    "select count(*) from term t where not exists (select 1 from term_embedding e"
                        + " where e.term_id = t.id and e.model_version_id = "
                        + version.value()
                        + ")")
                .getSingleResult());
    return new EmbeddingCoverage(
        number(segments[0]), number(segments[1]), missingTerms, indexExists(version));
  }

  /** Whether the version's HNSW index exists (it is dropped when its embeddings are purged). */
  public boolean indexExists(ModelVersionId version) {
    return number(
            entityManager
                .createNativeQuery(
                    "select count(*) from pg_class where relkind = 'i' and relname = '"
                        + HnswIndexes.nameFor(version)
                        + "'")
                .getSingleResult())
        > 0;
  }

  /**
   * Deletes the version's segment and term embeddings and drops its HNSW index.
   *
   * @return how many segment embeddings were deleted
   */
  public int purge(ModelVersionId version) {
    entityManager
        .createNativeQuery("drop index if exists " + HnswIndexes.nameFor(version))
        .executeUpdate();
    int segments =
        entityManager
            .createNativeQuery(
                "delete from segment_embedding where model_version_id = " + version.value())
            .executeUpdate();
    entityManager
        .createNativeQuery("delete from term_embedding where model_version_id = " + version.value())
        .executeUpdate();
    return segments;
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
