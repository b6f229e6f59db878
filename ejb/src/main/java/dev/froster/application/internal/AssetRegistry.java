package dev.froster.application.internal;

import dev.froster.application.AssetConflictException;
import dev.froster.application.AssetIngestService.Registration;
import dev.froster.domain.model.asset.AssetDescription;
import dev.froster.domain.model.asset.ContentHash;
import dev.froster.domain.model.asset.MediaAsset;
import dev.froster.domain.model.asset.MediaAssetRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Writes registrations, all of one call in one transaction; file work (hashing, uploads) happens
 * before, outside any transaction.
 */
@Stateless
public class AssetRegistry {

  private static final Logger LOG = Logger.getLogger(AssetRegistry.class.getName());

  /** A hashed file ready to become an asset; {@code row} names its manifest row (0 otherwise). */
  public record Candidate(
      int row, String sourceUri, ContentHash hash, AssetDescription description) {}

  @Inject private MediaAssetRepository assets;

  public List<Registration> register(List<Candidate> candidates) {
    List<Registration> registrations = new ArrayList<>(candidates.size());
    for (Candidate candidate : candidates) {
      Optional<MediaAsset> known = assets.findByHash(candidate.hash());
      if (known.isPresent()) {
        registrations.add(new Registration(known.get().id(), known.get().status(), true));
        continue;
      }
      AssetDescription description = candidate.description();
      if (description.externalId() != null) {
        assets
            .findByExternalId(description.collection(), description.externalId())
            .ifPresent(
                other -> {
                  throw new AssetConflictException(
                      candidate.row(),
                      "external id "
                          + description.externalId()
                          + " already names "
                          + other
                          + " in collection "
                          + description.collection());
                });
      }
      MediaAsset asset = new MediaAsset(candidate.sourceUri(), candidate.hash(), description);
      try {
        assets.add(asset); // identity keys: the insert runs here, not at commit
      } catch (PersistenceException refused) {
        if (ConcurrentRegistrationException.isUniqueViolation(refused)) {
          throw new ConcurrentRegistrationException(refused);
        }
        throw refused;
      }
      LOG.info("Registered " + asset + " (" + candidate.hash() + ") from " + candidate.sourceUri());
      registrations.add(new Registration(asset.id(), asset.status(), false));
    }
    return registrations;
  }
}
