/**
 * Ingest's file-system side: the configured ingest roots and limits ({@link
 * dev.froster.infrastructure.ingest.IngestConfiguration}), streamed uploads with hashing ({@link
 * dev.froster.infrastructure.ingest.UploadStore}) and the watched folder's stability check ({@link
 * dev.froster.infrastructure.ingest.WatchedFolder}).
 */
package dev.froster.infrastructure.ingest;
