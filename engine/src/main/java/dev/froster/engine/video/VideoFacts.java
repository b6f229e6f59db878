package dev.froster.engine.video;

import java.nio.file.Path;

/**
 * What {@link VideoProbe} reads from a video file's container and streams, before any frame is
 * decoded.
 *
 * @param file the probed file
 * @param container FFmpeg's name of the container format (e.g. {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param codec FFmpeg's name of the video codec (e.g. {@code h264})
 * @param width decoded frame width in pixels (before any display rotation)
 * @param height decoded frame height in pixels (before any display rotation)
 * @param framesPerSecond the video stream's frame rate
 * @param frameCount number of video frames the container declares (or duration × fps when it
 *     declares none)
 * @param durationMicros duration of the file in microseconds
 * @param rotationDegrees clockwise rotation (0, 90, 180 or 270) a player applies for display, as
 *     the old {@code rotate} tag or the display matrix of phone footage says; frames are decoded
 *     unrotated
 * @param hasAudio whether the file also has an audio stream
 */
public record VideoFacts(
    Path file,
    String container,
    String codec,
    int width,
    int height,
    double framesPerSecond,
    int frameCount,
    long durationMicros,
    int rotationDegrees,
    boolean hasAudio) {

  /** Duration in seconds. */
  public double durationSeconds() {
    return durationMicros / 1_000_000.0;
  }
}
