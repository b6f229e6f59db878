package dev.froster.engine.video.segment;

/**
 * How a video is cut into segments.
 *
 * @param shotThreshold a new shot starts where the mean absolute difference between consecutive
 *     frames, on a coarse grid of block averages of the downscaled frame and as a share of the full
 *     0–255 range, exceeds this value (0 &lt; threshold &lt; 1); see {@link
 *     #DEFAULT_SHOT_THRESHOLD}
 * @param windowMillis length of a segment in milliseconds (the model's clip length)
 * @param overlap share of a window that the next one overlaps (0 ≤ overlap &lt; 1)
 * @param keyframeMaxSide the longer side of keyframe thumbnails in pixels (never enlarged)
 * @param jpegQuality JPEG quality of keyframes (0 &lt; quality ≤ 1)
 */
public record SegmentationSettings(
    double shotThreshold,
    long windowMillis,
    double overlap,
    int keyframeMaxSide,
    float jpegQuality) {

  /**
   * Default shot threshold, 0.10: a mean change of about 25 of 255 levels per block and channel.
   * That is the scale of PySceneDetect's content detector (27 on HSV channels); object motion
   * inside a shot changes few blocks and stays far below it, while a hard cut between two scenes
   * changes most blocks by far more.
   */
  public static final double DEFAULT_SHOT_THRESHOLD = 0.10;

  /** Default window: 2 s, the clip length of the demo model (8 frames with stride 4 at 16 fps). */
  public static final long DEFAULT_WINDOW_MILLIS = 2000;

  public SegmentationSettings {
    if (!(shotThreshold > 0 && shotThreshold < 1)) {
      throw new IllegalArgumentException(
          "shotThreshold must be between 0 and 1 (exclusive), was " + shotThreshold);
    }
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("windowMillis must be positive, was " + windowMillis);
    }
    if (!(overlap >= 0 && overlap < 1)) {
      throw new IllegalArgumentException("overlap must be in [0, 1), was " + overlap);
    }
    if (Math.round(windowMillis * (1 - overlap)) < 1) {
      throw new IllegalArgumentException(
          "windowMillis " + windowMillis + " with overlap " + overlap + " leaves no step");
    }
    if (keyframeMaxSide < 8) {
      throw new IllegalArgumentException(
          "keyframeMaxSide must be at least 8 pixels, was " + keyframeMaxSide);
    }
    if (!(jpegQuality > 0 && jpegQuality <= 1)) {
      throw new IllegalArgumentException("jpegQuality must be in (0, 1], was " + jpegQuality);
    }
  }

  /**
   * Threshold 0.10, windows of 2000 ms overlapping by half, keyframes of 320 px at quality 0.85.
   */
  public static SegmentationSettings defaults() {
    return new SegmentationSettings(DEFAULT_SHOT_THRESHOLD, DEFAULT_WINDOW_MILLIS, 0.5, 320, 0.85f);
  }

  /** These settings with windows of {@code millis}. */
  public SegmentationSettings withWindowMillis(long millis) {
    return new SegmentationSettings(shotThreshold, millis, overlap, keyframeMaxSide, jpegQuality);
  }

  /** Distance in milliseconds between the starts of consecutive windows. */
  public long stepMillis() {
    return Math.round(windowMillis * (1 - overlap));
  }
}
