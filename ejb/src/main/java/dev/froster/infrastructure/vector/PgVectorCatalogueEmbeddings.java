package dev.froster.infrastructure.vector;

import dev.froster.application.AssetSegments;
import dev.froster.application.EmbeddedSegments;
import dev.froster.application.EmbeddingProgress;
import dev.froster.application.SegmentSpan;
import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL of the embed job, in the caller's transaction. Exactly-once rests on the database, not on
 * the job's memory: the reader only sees segments without an embedding for the version, and the
 * insert ignores a segment the unique constraint {@code (segment_id, model_version_id)} already
 * holds.
 */
@ApplicationScoped
public class PgVectorCatalogueEmbeddings {

  private static final String NOT_EMBEDDED =
      " not exists (select 1 from segment_embedding e"
          + " where e.segment_id = s.id and e.model_version_id = :version)";

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  public Optional<AssetSegments> nextPending(
      ModelVersionId version,
      int partitions,
      int partition,
      List<Long> assets,
      long afterSegmentId,
      int maxSegments) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select s.id, s.asset_id, a.source_uri, s.start_ms, s.end_ms"
                    + " from segment s join media_asset a on a.id = s.asset_id"
                    + " where s.id > :after and mod(s.asset_id, :partitions) = :partition"
                    + " and a.status <> 'failed'"
                    + assetFilter(assets)
                    + " and"
                    + NOT_EMBEDDED
                    + " order by s.id limit :limit")
            .setParameter("after", afterSegmentId)
            .setParameter("partitions", partitions)
            .setParameter("partition", partition)
            .setParameter("version", version.value())
            .setParameter("limit", maxSegments)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    long assetId = number(rows.get(0)[1]);
    List<SegmentSpan> spans = new ArrayList<>();
    for (Object[] row : rows) {
      if (number(row[1]) != assetId) {
        break;
      }
      spans.add(new SegmentSpan(number(row[0]), number(row[3]), number(row[4])));
    }
    return Optional.of(new AssetSegments(assetId, (String) rows.get(0)[2], spans));
  }

  /** Inserts the vectors; a segment the version embedded already is left as it is. */
  public int insertMissing(ModelVersionId version, List<EmbeddedSegments> embedded) {
    int added = 0;
    for (EmbeddedSegments asset : embedded) {
      List<SegmentSpan> segments = asset.asset().segments();
      for (int i = 0; i < segments.size(); i++) {
        added +=
            entityManager
                .createNativeQuery(
                    "insert into segment_embedding (segment_id, model_version_id, embedding)"
                        + " values (:segment, :version, cast(:vector as vector))"
                        + " on conflict (segment_id, model_version_id) do nothing")
                .setParameter("segment", segments.get(i).segmentId())
                .setParameter("version", version.value())
                .setParameter("vector", Embedding.of(asset.vectors().get(i)).toPgVectorLiteral())
                .executeUpdate();
      }
    }
    return added;
  }

  /** Assets of {@code assetIds} whose every segment the (active) version embedded: embedded. */
  public void markEmbeddedWhereComplete(ModelVersionId version, List<Long> assetIds) {
    if (assetIds.isEmpty()) {
      return;
    }
    entityManager
        .createNativeQuery(
            "update media_asset a set status = 'embedded', updated_at = now()"
                + " where a.id in ("
                + ids(assetIds)
                + ") and a.status = 'segmented'"
                + " and exists (select 1 from model_version v"
                + " where v.id = :version and v.status = 'active')"
                + " and not exists (select 1 from segment s where s.asset_id = a.id and"
                + NOT_EMBEDDED
                + ")")
        .setParameter("version", version.value())
        .executeUpdate();
  }

  public void markFailed(long assetId, String reason) {
    entityManager
        .createNativeQuery(
            "update media_asset set status = 'failed', failure_reason = :reason,"
                + " updated_at = now() where id = :asset")
        .setParameter("reason", reason)
        .setParameter("asset", assetId)
        .executeUpdate();
  }

  public EmbeddingProgress progress(ModelVersionId version, List<Long> assets) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select count(*) filter (where"
                        + " exists (select 1 from segment_embedding e"
                        + " where e.segment_id = s.id and e.model_version_id = :version)),"
                        + " count(*)"
                        + " from segment s join media_asset a on a.id = s.asset_id"
                        + " where a.status <> 'failed'"
                        + assetFilter(assets))
                .setParameter("version", version.value())
                .getSingleResult();
    return new EmbeddingProgress(number(row[0]), number(row[1]));
  }

  /** Asset ids are longs the job parsed, so they can be written into the statement. */
  private static String assetFilter(List<Long> assets) {
    return assets.isEmpty() ? "" : " and s.asset_id in (" + ids(assets) + ")";
  }

  private static String ids(List<Long> ids) {
    return ids.stream().map(id -> Long.toString(id)).collect(Collectors.joining(","));
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
