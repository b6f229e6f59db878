package dev.froster.domain.model.model;

import java.util.List;
import java.util.Optional;

/** Finds and stores model versions. */
public interface ModelVersionRepository {

  Optional<ModelVersion> find(ModelVersionId id);

  /** The version that serves searches and embedding jobs, if one was activated. */
  Optional<ModelVersion> active();

  /** Retired versions, the most recently retired first (the first is the rollback target). */
  List<ModelVersion> retired();

  /** Whether a version of this name exists (names are unique). */
  boolean nameTaken(String name);

  /** The version of this name, if there is one. */
  Optional<ModelVersion> findByName(String name);

  void add(ModelVersion version);

  /** Every version, newest first. */
  List<ModelVersion> list();

  /** The most recently created base (imported) version, if any. */
  Optional<ModelVersion> latestBase();

  /** Writes pending changes now, so that the database's constraints see them in this order. */
  void flush();
}
