package dev.froster.engine.video;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg prints stream dumps and warnings about every oddity of a file on stderr; the engine's own
 * exceptions say what matters, so only FFmpeg's errors are let through.
 */
final class FfmpegLogLevel {
  private static volatile boolean set;

  private FfmpegLogLevel() {}

  static void errorsOnly() {
    if (!set) {
      avutil.av_log_set_level(avutil.AV_LOG_ERROR);
      set = true;
    }
  }
}
