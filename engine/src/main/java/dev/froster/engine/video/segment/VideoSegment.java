package dev.froster.engine.video.segment;

/**
 * One indexed moment of a video: a window inside a shot.
 *
 * @param index position of the segment in the video (0-based, in time order)
 * @param shot the shot it lies in (0-based)
 * @param startMillis start, milliseconds from the first frame
 * @param endMillis end (exclusive), milliseconds from the first frame
 * @param keyframeMillis time of the frame shown as its thumbnail (the one nearest the middle)
 * @param keyframeJpeg that frame as a JPEG, turned upright for display
 */
public record VideoSegment(
    int index,
    int shot,
    long startMillis,
    long endMillis,
    long keyframeMillis,
    byte[] keyframeJpeg) {

  /** Length in milliseconds. */
  public long durationMillis() {
    return endMillis - startMillis;
  }
}
