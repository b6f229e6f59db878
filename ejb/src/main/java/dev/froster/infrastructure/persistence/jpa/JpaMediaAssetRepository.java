package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.asset.AssetStatus;
import dev.froster.domain.model.asset.ContentHash;
import dev.froster.domain.model.asset.MediaAsset;
import dev.froster.domain.model.asset.MediaAssetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMediaAssetRepository implements MediaAssetRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<MediaAsset> find(AssetId id) {
    return Optional.ofNullable(entityManager.find(MediaAsset.class, id.value()));
  }

  @Override
  public Optional<MediaAsset> findForUpdate(AssetId id) {
    return Optional.ofNullable(
        entityManager.find(MediaAsset.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<MediaAsset> findByHash(ContentHash hash) {
    return entityManager
        .createQuery("select a from MediaAsset a where a.sha256 = :sha256", MediaAsset.class)
        .setParameter("sha256", hash.hex())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<MediaAsset> findByExternalId(String collection, String externalId) {
    return entityManager
        .createQuery(
            "select a from MediaAsset a where a.externalId = :externalId"
                + " and ((:collection is null and a.collection is null) or a.collection = :collection)",
            MediaAsset.class)
        .setParameter("externalId", externalId)
        .setParameter("collection", collection)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(MediaAsset asset) {
    entityManager.persist(asset);
    entityManager.flush();
  }

  @Override
  public List<AssetId> registeredAfter(long after) {
    return entityManager
        .createQuery(
            "select a.id from MediaAsset a where a.status = :status and a.id > :after order by a.id",
            Long.class)
        .setParameter("status", AssetStatus.REGISTERED)
        .setParameter("after", after)
        .getResultList()
        .stream()
        .map(AssetId::new)
        .toList();
  }

  @Override
  public boolean anyRegistered() {
    return !entityManager
        .createQuery("select a.id from MediaAsset a where a.status = :status", Long.class)
        .setParameter("status", AssetStatus.REGISTERED)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
