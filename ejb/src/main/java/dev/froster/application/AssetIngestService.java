package dev.froster.application;

import dev.froster.domain.model.asset.AssetDescription;
import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.asset.AssetStatus;
import dev.froster.domain.model.segment.SegmentId;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Registers media files as assets (by file URI under an ingest root, by upload, from a manifest or
 * the watched folder) and tells where each stands. The same bytes are always the same asset.
 */
public interface AssetIngestService {

  /** The outcome of registering one file: {@code duplicate} when those bytes were known already. */
  record Registration(AssetId id, AssetStatus status, boolean duplicate) {}

  /**
   * @throws dev.froster.domain.model.asset.RefusedSourceException when the URI is outside the
   *     ingest roots or names no readable file
   */
  Registration registerFile(String uri, AssetDescription description);

  /**
   * Streams the upload into the upload folder while hashing it, then registers it.
   *
   * @throws UploadTooLargeException above the upload limit
   */
  Registration registerUpload(InputStream content, String fileName, AssetDescription description);

  /**
   * Checks every row first (a bad row registers nothing), then registers all rows in one
   * transaction, in row order.
   *
   * @throws ManifestException naming the first bad row and its field
   */
  List<Registration> registerManifest(List<ManifestRow> rows);

  /** Registers the files of the watched folder that have stopped changing; returns how many. */
  int registerWatchedFiles();

  AssetDetails describe(AssetId id);

  /** The keyframe JPEG of a segment. */
  Optional<byte[]> keyframe(SegmentId id);
}
