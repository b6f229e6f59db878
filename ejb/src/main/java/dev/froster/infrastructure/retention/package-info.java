/**
 * The daily timer that purges retired model versions' embeddings once their retention has run out
 * (see {@link dev.froster.application.EmbeddingRetention}).
 */
package dev.froster.infrastructure.retention;
