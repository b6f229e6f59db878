package dev.froster.engine.video.segment;

import dev.froster.engine.video.VideoFacts;
import java.util.List;

/**
 * A video cut into shots and segments.
 *
 * @param facts what the probe says about the file
 * @param shotStartsMillis start of each shot in milliseconds from the first frame (the first is 0);
 *     empty for an audio-only file
 * @param segments the windows of every shot, in time order; empty for an audio-only file
 */
public record SegmentedVideo(
    VideoFacts facts, List<Long> shotStartsMillis, List<VideoSegment> segments) {

  public SegmentedVideo {
    shotStartsMillis = List.copyOf(shotStartsMillis);
    segments = List.copyOf(segments);
  }
}
