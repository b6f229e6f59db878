/**
 * Embeddings: the {@link dev.froster.domain.model.embedding.Embedding} value (finite, non-zero,
 * dimension-checked) and the segment embeddings that one model version computed, searched by cosine
 * distance.
 */
package dev.froster.domain.model.embedding;
