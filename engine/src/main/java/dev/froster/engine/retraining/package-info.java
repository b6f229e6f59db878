/**
 * Retraining a served model on what an archive has taught it: a training set snapshot (registered
 * datasets plus review-confirmed moments cut into clips, with a deterministic held-out split by
 * class), a resumable training run with progress and stop requests, the held-out evaluation of any
 * bundle on that snapshot, and the run's curves. The server's {@code froster-train} job drives
 * these; they know nothing of Jakarta EE.
 */
package dev.froster.engine.retraining;
