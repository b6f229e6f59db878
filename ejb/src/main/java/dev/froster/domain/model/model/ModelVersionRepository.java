package dev.froster.domain.model.model;

import java.util.Optional;

/** Finds model versions. */
public interface ModelVersionRepository {

  Optional<ModelVersion> find(ModelVersionId id);
}
