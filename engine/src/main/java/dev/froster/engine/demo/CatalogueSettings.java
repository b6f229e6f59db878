package dev.froster.engine.demo;

import dev.froster.engine.synth.VideoFormat;
import java.nio.file.Path;

/**
 * Parameters of a demo catalogue.
 *
 * @param output the catalogue folder to create (must be missing or empty)
 * @param seed fixes every choice: the same settings give the same files
 * @param videos how many videos
 * @param shotsPerVideo action shots per video, each in another place than the one before
 * @param size frame side in pixels (the model resizes to its own resolution)
 * @param framesPerSecond frame rate
 * @param shotSeconds length of one action shot
 * @param threads worker threads rendering and encoding
 */
public record CatalogueSettings(
    Path output,
    long seed,
    int videos,
    int shotsPerVideo,
    int size,
    double framesPerSecond,
    double shotSeconds,
    int threads) {

  /**
   * Default seed: not the training world's (7), so the catalogue's appearances, places and object
   * paths are draws the model never saw.
   */
  public static final long DEFAULT_SEED = 2024;

  /** 13 videos of 6 shots: 78 shots, every one of the 26 demo classes three times. */
  public static final int DEFAULT_VIDEOS = 13;

  public static final int DEFAULT_SHOTS_PER_VIDEO = 6;

  /** Big enough for a readable keyframe thumbnail; the 32 px model sees it downscaled. */
  public static final int DEFAULT_SIZE = 128;

  /** The training world's frame rate and clip length: a shot plays exactly one training clip. */
  public static final double DEFAULT_FPS = 15;

  public static final double DEFAULT_SHOT_SECONDS = 2;

  public CatalogueSettings {
    if (videos < 1 || shotsPerVideo < 2) {
      throw new IllegalArgumentException(
          "need at least 1 video of at least 2 shots, got "
              + videos
              + " videos of "
              + shotsPerVideo
              + " shots");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    VideoFormat.of(size, framesPerSecond, shotSeconds);
  }

  /** The default catalogue in {@code output}. */
  public static CatalogueSettings defaults(Path output) {
    return new CatalogueSettings(
        output,
        DEFAULT_SEED,
        DEFAULT_VIDEOS,
        DEFAULT_SHOTS_PER_VIDEO,
        DEFAULT_SIZE,
        DEFAULT_FPS,
        DEFAULT_SHOT_SECONDS,
        Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
  }

  /** The frames of one shot. */
  public VideoFormat shotFormat() {
    return VideoFormat.of(size, framesPerSecond, shotSeconds);
  }
}
