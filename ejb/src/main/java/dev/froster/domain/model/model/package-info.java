/**
 * Model versions: one trained FROSTER bundle, its embedding dimension and its lifecycle (training,
 * candidate, active, retired). At most one version is active.
 */
package dev.froster.domain.model.model;
