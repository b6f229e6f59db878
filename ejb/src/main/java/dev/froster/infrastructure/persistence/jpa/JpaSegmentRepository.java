package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.segment.Segment;
import dev.froster.domain.model.segment.SegmentId;
import dev.froster.domain.model.segment.SegmentRepository;
import dev.froster.domain.model.segment.SegmentSummary;
import dev.froster.domain.model.segment.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSegmentRepository implements SegmentRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<Segment> find(SegmentId id) {
    return Optional.ofNullable(entityManager.find(Segment.class, id.value()));
  }

  @Override
  public void add(Segment segment) {
    entityManager.persist(segment);
  }

  @Override
  public List<SegmentSummary> ofAsset(AssetId asset) {
    // A projection, so the keyframe bytes of a long video are not loaded to list its segments.
    return entityManager
        .createQuery(
            "select s.id, s.startMs, s.endMs, case when s.keyframeJpeg is not null then true else false end"
                + " from Segment s"
                + " where s.asset.id = :asset order by s.startMs, s.endMs",
            Object[].class)
        .setParameter("asset", asset.value())
        .getResultList()
        .stream()
        .map(
            row ->
                new SegmentSummary(
                    new SegmentId((Long) row[0]),
                    new TimeRange((Long) row[1], (Long) row[2]),
                    (Boolean) row[3]))
        .toList();
  }

  @Override
  public Optional<byte[]> keyframe(SegmentId id) {
    return entityManager
        .createQuery("select s.keyframeJpeg from Segment s where s.id = :id", byte[].class)
        .setParameter("id", id.value())
        .getResultStream()
        .filter(bytes -> bytes != null)
        .findFirst();
  }
}
