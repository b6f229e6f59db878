package dev.froster.engine.video;

import java.nio.file.Path;

/**
 * What {@link VideoProbe} reads from a media file's container and streams, before any frame is
 * decoded. An audio-only file has {@code hasVideo} false, no video codec, a size of 0 × 0 and no
 * frames.
 *
 * @param file the probed file
 * @param container FFmpeg's name of the container format (e.g. {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param codec FFmpeg's name of the video codec (e.g. {@code h264}), null without video
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
 * @param audioCodec FFmpeg's name of the audio codec (e.g. {@code aac}), null without audio
 * @param hasVideo whether the file has a video stream (cover art of an audio file is none)
 * @param variableFrameRate whether the container says the frames are not evenly spaced (its average
 *     rate differs from its base rate); containers that keep no frame timing (Matroska, WebM)
 *     cannot say so, and {@code framesPerSecond} is then the average rate
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
    boolean hasAudio,
    String audioCodec,
    boolean hasVideo,
    boolean variableFrameRate) {

  /** Duration in seconds. */
  public double durationSeconds() {
    return durationMicros / 1_000_000.0;
  }
}
