/**
 * pgvector: nearest-neighbour queries by cosine distance ({@code <=>}) and the installed extension
 * version.
 */
package dev.froster.infrastructure.vector;
