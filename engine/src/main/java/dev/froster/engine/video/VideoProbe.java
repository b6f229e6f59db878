package dev.froster.engine.video;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Reads a video file's {@link VideoFacts} (size, rate, length, codec, rotation, audio). */
public final class VideoProbe {
  private VideoProbe() {}

  /**
   * Opens the container and reads the facts of its first video stream.
   *
   * @throws VideoDecodingException if the file is missing, empty, not a media container or has no
   *     video stream
   */
  public static VideoFacts probe(Path file) throws VideoDecodingException {
    try (OpenedVideo video = OpenedVideo.open(file)) {
      FFmpegFrameGrabber grabber = video.grabber();
      double fps = grabber.getVideoFrameRate();
      long durationMicros = Math.max(0, grabber.getLengthInTime());
      int frames = grabber.getLengthInVideoFrames();
      if (frames <= 0 && fps > 0) {
        frames = (int) Math.round(durationMicros / 1_000_000.0 * fps);
      }
      return new VideoFacts(
          file,
          grabber.getFormat(),
          grabber.getVideoCodecName(),
          grabber.getImageWidth(),
          grabber.getImageHeight(),
          fps,
          frames,
          durationMicros,
          clockwiseRotation(grabber.getDisplayRotation()),
          grabber.hasAudio());
    }
  }

  /**
   * FFmpeg's display matrix gives the counterclockwise angle; players and the legacy {@code rotate}
   * tag speak of the clockwise one, rounded to quarter turns.
   */
  static int clockwiseRotation(double displayRotationDegrees) {
    if (Double.isNaN(displayRotationDegrees)) {
      return 0;
    }
    long quarterTurns = Math.round(-displayRotationDegrees / 90.0);
    return (int) Math.floorMod(quarterTurns * 90, 360);
  }
}
