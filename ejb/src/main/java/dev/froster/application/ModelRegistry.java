package dev.froster.application;

import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import java.util.Optional;

/**
 * The minimal model registry the catalogue needs: register a bundle folder as a candidate version,
 * activate it (building its HNSW index), and say which version is active.
 */
public interface ModelRegistry {

  /**
   * Registers the bundle at {@code bundlePath} (which must lie under {@code froster.models.root})
   * as a candidate; its dimension and weights checksum come from the bundle's manifest.
   *
   * @throws InvalidModelBundleException when the path is outside the root or not a valid bundle
   */
  ModelVersion register(String name, String bundlePath);

  /**
   * Makes the version active now, in one transaction: the previous active version is retired (it
   * becomes the rollback target) and the version's HNSW index is created if missing. It does not
   * wait for the version's embeddings: search answers from whatever it has embedded, so this is for
   * a first version or a deliberate cut-over; {@link ModelPromotion#promote} switches only once the
   * version's embeddings are complete.
   *
   * @throws UnknownEntityException when the version does not exist
   */
  ModelVersion activate(ModelVersionId id);

  Optional<ModelVersion> active();

  /** The version of this name (names are unique), if there is one. */
  Optional<ModelVersion> findByName(String name);

  /**
   * @throws UnknownEntityException when the version does not exist
   */
  ModelVersion find(ModelVersionId id);
}
