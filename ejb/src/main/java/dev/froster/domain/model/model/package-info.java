/**
 * Model versions: one trained FROSTER bundle, its embedding dimension and its lifecycle (training,
 * candidate, active, retired). At most one version is active; the most recently retired one is the
 * rollback target. {@link dev.froster.domain.model.model.EmbeddingCoverage} says whether a
 * version's embeddings are complete enough to serve, {@link
 * dev.froster.domain.model.model.Retention} which retired versions' embeddings are purged.
 */
package dev.froster.domain.model.model;
