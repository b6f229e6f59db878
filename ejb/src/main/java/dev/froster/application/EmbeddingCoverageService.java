package dev.froster.application;

import java.util.List;

/**
 * The embedding coverage of every model version that has embeddings (the dashboard's table): the
 * active version, a candidate being re-embedded, retired versions whose embeddings are still kept.
 */
public interface EmbeddingCoverageService {

  /**
   * Every version with at least one segment embedding of an asset that has not failed: the active
   * version first, then the others newest first. A version whose embeddings were purged has none
   * and is left out.
   */
  List<VersionCoverage> perVersion();
}
