package dev.froster.interfaces.batch;

import jakarta.batch.runtime.context.StepContext;
import java.util.Locale;

/**
 * Wall time one partition of {@code embed-catalog} spends reading pending segments, embedding them
 * (decode + model) and writing the embeddings, kept in the partition's step context (reader,
 * processor and writer of a partition run on one thread). {@link EmbeddingStageTimesLogger} reports
 * it when the partition ends, so a slow job says which stage it was slow in.
 */
final class EmbeddingStageTimes {

  private long readNanos;
  private long embedNanos;
  private long writeNanos;
  private long segmentsWritten;

  /** The partition's times, created on first use. */
  static EmbeddingStageTimes of(StepContext step) {
    if (step.getTransientUserData() instanceof EmbeddingStageTimes times) {
      return times;
    }
    EmbeddingStageTimes times = new EmbeddingStageTimes();
    step.setTransientUserData(times);
    return times;
  }

  void addRead(long nanos) {
    readNanos += nanos;
  }

  void addEmbed(long nanos) {
    embedNanos += nanos;
  }

  void addWrite(long nanos, int segments) {
    writeNanos += nanos;
    segmentsWritten += segments;
  }

  long segmentsWritten() {
    return segmentsWritten;
  }

  /** e.g. {@code "120 segments written; read 0.41 s, embed 51.20 s, write 0.84 s"}. */
  String summary() {
    return String.format(
        Locale.ROOT,
        "%d segments written; read %.2f s, embed %.2f s, write %.2f s",
        segmentsWritten,
        readNanos / 1e9,
        embedNanos / 1e9,
        writeNanos / 1e9);
  }
}
