/**
 * Media assets: one media file, identified by the SHA-256 of its bytes (the same bytes twice are
 * one asset), its ingest status ({@link dev.froster.domain.model.asset.AssetStatus}: registered →
 * segmented → embedded, or failed with a reason), its probe facts and free metadata.
 *
 * <p>{@link dev.froster.domain.model.asset.IngestRoots} is the rule for where files may come from:
 * a {@code file:} URI whose real path (symlinks resolved, no {@code ..}) lies under one of the
 * configured roots ({@code froster.ingest.roots} / env {@code FROSTER_INGEST_ROOTS}, default {@code
 * $FROSTER_HOME/var/ingest}); anything else is refused with a {@link
 * dev.froster.domain.model.asset.RefusedSourceException}.
 */
package dev.froster.domain.model.asset;
