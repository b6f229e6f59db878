/** Media assets: one registered video file, identified by its SHA-256, and its ingest status. */
package dev.froster.domain.model.asset;
