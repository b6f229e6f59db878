/**
 * Search SQL: {@link dev.froster.infrastructure.search.MomentQuery} builds and runs one page of
 * nearest moments (through the model version's HNSW index with pgvector's iterative scans, or
 * exactly), {@link dev.froster.infrastructure.search.MomentSearch} runs it on the application's
 * transaction with the configured scan settings and holds the cursor key.
 */
package dev.froster.infrastructure.search;
