/**
 * Jakarta Batch: the artifacts of the jobs in {@code META-INF/batch-jobs}, {@link
 * dev.froster.interfaces.batch.BatchJobs}, the one place that starts jobs (as {@code batchAdmin}),
 * and {@link dev.froster.interfaces.batch.CataloguePipeline}, the timer that moves new assets
 * through the jobs by themselves.
 *
 * <p>{@code ingest-assets}: {@link dev.froster.interfaces.batch.RegisteredAssetReader} (asset ids
 * in {@code registered}, checkpoint = last id) → {@link
 * dev.froster.interfaces.batch.AssetSegmentingProcessor} (probe + segment with the engine) → {@link
 * dev.froster.interfaces.batch.SegmentedAssetWriter} (segments, keyframes, probe facts, status in
 * the chunk transaction); unreadable files are skipped and recorded as {@code failed} by {@link
 * dev.froster.interfaces.batch.UnreadableAssetRecorder}. {@link
 * dev.froster.interfaces.batch.JobProgress} holds done/total while a job runs.
 */
package dev.froster.interfaces.batch;
