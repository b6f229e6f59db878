package dev.froster.domain.model.segment;

/**
 * A segment as the segmenter cut it, before it is stored.
 *
 * @param range start and end within the video
 * @param shot the shot (0-based) the segment lies in
 * @param keyframeMs the instant the keyframe shows
 * @param keyframeJpeg the keyframe thumbnail, JPEG
 */
public record SegmentCut(TimeRange range, int shot, long keyframeMs, byte[] keyframeJpeg) {

  public SegmentCut {
    if (keyframeJpeg == null || keyframeJpeg.length == 0) {
      throw new IllegalArgumentException("a segment needs a keyframe, " + range + " has none");
    }
  }
}
