/**
 * Jakarta Batch: the artifacts of the jobs in {@code META-INF/batch-jobs} and {@link
 * dev.froster.interfaces.batch.BatchJobs}, the one place that starts jobs (as {@code batchAdmin}).
 */
package dev.froster.interfaces.batch;
