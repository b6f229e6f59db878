package dev.froster.application.internal;

import dev.froster.application.EmbeddingCoverageService;
import dev.froster.application.VersionCoverage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * One statement over the catalogue: segment embeddings grouped by version (an index scan on {@code
 * segment_embedding}), beside the catalogue's segment count. Read only.
 */
// Only user requests call it (REST and pages, which check the same roles): defence in depth.
@RolesAllowed({"archivist", "tagger", "admin"})
@Stateless
public class DefaultEmbeddingCoverageService implements EmbeddingCoverageService {

  /** Same counting rule as the embed job's progress: segments of assets that have not failed. */
  static final String PER_VERSION =
      "with catalogue as (select s.id from segment s join media_asset a on a.id = s.asset_id"
          + " where a.status <> 'failed'),"
          + " embedded as (select e.model_version_id, count(distinct e.segment_id) as segments"
          + " from segment_embedding e join catalogue c on c.id = e.segment_id"
          + " group by e.model_version_id)"
          + " select v.id, v.name, v.status, embedded.segments,"
          + " (select count(*) from catalogue) from model_version v"
          + " join embedded on embedded.model_version_id = v.id"
          + " order by (v.status = 'active') desc, v.id desc";

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public List<VersionCoverage> perVersion() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = entityManager.createNativeQuery(PER_VERSION).getResultList();
    return rows.stream()
        .map(
            row ->
                new VersionCoverage(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue()))
        .toList();
  }
}
