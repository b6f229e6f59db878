/**
 * Retraining on the engine: the configured training settings ({@code froster.training.*}), the
 * folders runs work in, the CLIP checkpoint import, and the engine calls of the {@code
 * froster-train} job (snapshot, resumable training, held-out evaluation, curves).
 */
package dev.froster.infrastructure.training;
