/**
 * pgvector: nearest-neighbour queries by cosine distance ({@code <=>}), the installed extension
 * version, and a version's embeddings as a whole (coverage for a promotion, purging).
 */
package dev.froster.infrastructure.vector;
