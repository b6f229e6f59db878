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
 *
 * <p>{@code embed-catalog} ({@link dev.froster.interfaces.batch.EmbedCatalogJobs}): partitions by
 * asset id; {@link dev.froster.interfaces.batch.PendingSegmentReader} (segments the version has not
 * embedded, checkpoint = last segment id) → {@link
 * dev.froster.interfaces.batch.SegmentEmbeddingProcessor} (one decode per asset's run of segments)
 * → {@link dev.froster.interfaces.batch.SegmentEmbeddingWriter} (insert, duplicates ignored).
 *
 * <p>{@code auto-tag} ({@link dev.froster.interfaces.batch.AutoTagJobs}): {@link
 * dev.froster.interfaces.batch.UntaggedSegmentReader} (segment embeddings of the active version not
 * yet scored for an active vocabulary) → {@link dev.froster.interfaces.batch.SegmentTaggingWriter}
 * (tags and scoring markers in one transaction).
 *
 * <p>{@code reembed} ({@link dev.froster.interfaces.batch.ReembedPromotion}, the promotion of a
 * candidate model version): {@code embed-catalog}'s chunk step for the candidate (paced by {@link
 * dev.froster.interfaces.batch.ReembedThrottle}), then {@link
 * dev.froster.interfaces.batch.ReembedPreparation} (term embeddings, HNSW index) and {@link
 * dev.froster.interfaces.batch.ModelSwitchBatchlet} (the switch, one transaction, only when the
 * candidate's embeddings are complete).
 */
package dev.froster.interfaces.batch;
