/**
 * Retraining: training runs (one {@code froster-train} job execution chain each, at most one
 * running), the datasets registered for training, and the promotion gate that decides whether a
 * run's candidate replaces the active version on its own.
 */
package dev.froster.domain.model.training;
