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
   * Makes the version active in one transaction: the previous active version is retired and the
   * version's HNSW index is created if missing.
   *
   * @throws UnknownEntityException when the version does not exist
   */
  ModelVersion activate(ModelVersionId id);

  Optional<ModelVersion> active();

  /**
   * @throws UnknownEntityException when the version does not exist
   */
  ModelVersion find(ModelVersionId id);
}
