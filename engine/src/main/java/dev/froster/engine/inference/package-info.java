/**
 * Running a trained model bundle on the catalogue's footage: {@link
 * dev.froster.engine.inference.VideoEmbedder} opens a bundle (checksums verified), turns time spans
 * of a video into the student's unit video embeddings in one decoding pass, and free text into the
 * prompt-ensemble text embedding that is compared with them; {@link
 * dev.froster.engine.inference.BundleScoring} reads how the bundle's model was trained (temporal
 * attention, frame pooling, frames per clip) from its metrics.
 */
package dev.froster.engine.inference;
