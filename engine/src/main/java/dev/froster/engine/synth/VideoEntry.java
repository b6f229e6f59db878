package dev.froster.engine.synth;

import java.nio.file.Path;
import java.util.Map;

/**
 * One labelled video of a dataset.
 *
 * @param file the video file (resolved against the dataset folder)
 * @param classId id of its {@link ActionClass}
 * @param domain the domain it belongs to (e.g. "a" or "b" for the synthetic world's cross-domain
 *     split; "default" for datasets that have one)
 * @param subset train or test
 * @param attributes further columns of {@code videos.tsv} by name (the synthetic world records
 *     place, style, colour and size)
 */
public record VideoEntry(
    Path file, int classId, String domain, Subset subset, Map<String, String> attributes) {
  public VideoEntry {
    attributes = Map.copyOf(attributes);
  }
}
