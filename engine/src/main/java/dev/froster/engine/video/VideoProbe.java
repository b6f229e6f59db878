package dev.froster.engine.video;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Reads a media file's {@link VideoFacts} (size, rate, length, codecs, rotation, audio) without
 * decoding frames.
 */
public final class VideoProbe {
  private VideoProbe() {}

  /**
   * Opens the container and reads the facts of its first video stream and its audio. An audio-only
   * file gives facts with {@link VideoFacts#hasVideo()} false.
   *
   * @throws VideoDecodingException if the file is missing, unreadable, empty, not a media container
   *     or has neither audio nor video
   */
  public static VideoFacts probe(Path file) throws VideoDecodingException {
    try (OpenedVideo media = OpenedVideo.openMedia(file)) {
      return facts(media);
    }
  }

  /** The facts of an opened file (shared with the decoding pass, which opens the file once). */
  static VideoFacts facts(OpenedVideo media) {
    FFmpegFrameGrabber grabber = media.grabber();
    long durationMicros = Math.max(0, grabber.getLengthInTime());
    String audioCodec = grabber.hasAudio() ? grabber.getAudioCodecName() : null;
    if (!media.hasVideo()) {
      return new VideoFacts(
          media.file(),
          grabber.getFormat(),
          null,
          0,
          0,
          0,
          0,
          durationMicros,
          0,
          grabber.hasAudio(),
          audioCodec,
          false,
          false);
    }
    double fps = grabber.getVideoFrameRate();
    int frames = grabber.getLengthInVideoFrames();
    if (frames <= 0 && fps > 0) {
      frames = (int) Math.round(durationMicros / 1_000_000.0 * fps);
    }
    return new VideoFacts(
        media.file(),
        grabber.getFormat(),
        grabber.getVideoCodecName(),
        grabber.getImageWidth(),
        grabber.getImageHeight(),
        fps,
        frames,
        durationMicros,
        clockwiseRotation(grabber.getDisplayRotation()),
        grabber.hasAudio(),
        audioCodec,
        true,
        media.variableFrameRate());
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
