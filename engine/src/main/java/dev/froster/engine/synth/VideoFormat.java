package dev.froster.engine.synth;

/**
 * Size and timing of the generated videos.
 *
 * @param size frame width and height in pixels (even)
 * @param framesPerSecond frame rate
 * @param frameCount frames per clip
 * @param bitsPerSecond H.264 target bitrate
 */
public record VideoFormat(int size, double framesPerSecond, int frameCount, int bitsPerSecond) {
  public VideoFormat {
    if (size < 16 || size % 2 != 0) {
      throw new IllegalArgumentException("video size must be an even number >= 16, got " + size);
    }
    if (!(framesPerSecond > 0) || frameCount < 2) {
      throw new IllegalArgumentException(
          "need a positive frame rate and at least 2 frames, got "
              + framesPerSecond
              + " fps, "
              + frameCount
              + " frames");
    }
  }

  /** Frames of {@code seconds} at {@code framesPerSecond}, bitrate scaled with the frame area. */
  public static VideoFormat of(int size, double framesPerSecond, double seconds) {
    int frames = (int) Math.round(framesPerSecond * seconds);
    // About 4 bits per pixel per second keeps colour edges clean at these tiny sizes.
    int bitrate = Math.max(100_000, (int) (size * size * framesPerSecond * 4));
    return new VideoFormat(size, framesPerSecond, frames, bitrate);
  }

  /** Clip length in seconds. */
  public double seconds() {
    return frameCount / framesPerSecond;
  }
}
