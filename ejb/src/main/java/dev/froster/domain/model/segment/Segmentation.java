package dev.froster.domain.model.segment;

import dev.froster.domain.model.asset.ProbeFacts;
import dev.froster.domain.model.asset.UnreadableMediaException;
import java.nio.file.Path;
import java.util.List;

/**
 * Probes a media file and cuts it into segments with keyframes (shots, then windows within shots).
 * Implemented with the engine's decoder in infrastructure.
 */
public interface Segmentation {

  /** The facts and the segments of one file; a file without video has facts and no segments. */
  record Result(ProbeFacts facts, List<SegmentCut> segments) {
    public Result {
      segments = List.copyOf(segments);
    }
  }

  Result segment(Path file) throws UnreadableMediaException;
}
