package dev.froster.engine.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of one generated synthetic world.
 *
 * @param output the dataset folder to create (must be missing or empty)
 * @param seed fixes every random choice: the same settings give the same files
 * @param videosPerClass videos of each class in each domain (a third of them, at least one, are
 *     test videos)
 * @param images captioned still images
 * @param size frame and image side in pixels
 * @param framesPerSecond video frame rate
 * @param seconds clip length
 * @param shapes the shapes of the world (at least 3)
 * @param novelClasses what separates the novel classes
 * @param threads worker threads rendering and encoding
 */
public record SynthSettings(
    Path output,
    long seed,
    int videosPerClass,
    int images,
    int size,
    double framesPerSecond,
    double seconds,
    List<ShapeKind> shapes,
    NovelClasses novelClasses,
    int threads) {

  /** Default frame side: see the package description for why 64. */
  public static final int DEFAULT_SIZE = 64;

  public static final long DEFAULT_SEED = 7;
  public static final int DEFAULT_VIDEOS_PER_CLASS = 12;
  public static final int DEFAULT_IMAGES = 3000;
  public static final double DEFAULT_FPS = 15;
  public static final double DEFAULT_SECONDS = 3;

  public SynthSettings {
    shapes = List.copyOf(shapes);
    Objects.requireNonNull(novelClasses, "novelClasses");
    if (videosPerClass < 2) {
      throw new IllegalArgumentException(
          "videos per class must be at least 2 (one train, one test), got " + videosPerClass);
    }
    if (images < minimumImages(shapes)) {
      throw new IllegalArgumentException(
          "need at least "
              + minimumImages(shapes)
              + " images so that every shape is captioned with every motion, got "
              + images);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    VideoFormat.of(size, framesPerSecond, seconds);
  }

  /** The full world: six shapes, 12 videos per class and domain, 3000 images, 64 px, 3 s. */
  public static SynthSettings defaults(Path output) {
    return new SynthSettings(
        output,
        DEFAULT_SEED,
        DEFAULT_VIDEOS_PER_CLASS,
        DEFAULT_IMAGES,
        DEFAULT_SIZE,
        DEFAULT_FPS,
        DEFAULT_SECONDS,
        List.of(ShapeKind.values()),
        NovelClasses.SHAPE_MOTION,
        defaultThreads());
  }

  /** A small world for smoke tests: three shapes, 2 videos per class and domain, 32 px, 2 s. */
  public static SynthSettings quick(Path output) {
    List<ShapeKind> shapes = List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE, ShapeKind.STAR);
    return new SynthSettings(
        output,
        DEFAULT_SEED,
        2,
        minimumImages(shapes),
        32,
        DEFAULT_FPS,
        2,
        shapes,
        NovelClasses.SHAPE_MOTION,
        defaultThreads());
  }

  /** Images needed so that every shape appears with every motion and at rest. */
  public static int minimumImages(List<ShapeKind> shapes) {
    return shapes.size() * (Motion.values().length + 1);
  }

  public VideoFormat videoFormat() {
    return VideoFormat.of(size, framesPerSecond, seconds);
  }

  public SynthSettings withOutput(Path newOutput) {
    return copy(newOutput, seed, videosPerClass, images, novelClasses);
  }

  public SynthSettings withSeed(long newSeed) {
    return copy(output, newSeed, videosPerClass, images, novelClasses);
  }

  public SynthSettings withVideosPerClass(int newVideosPerClass) {
    return copy(output, seed, newVideosPerClass, images, novelClasses);
  }

  public SynthSettings withImages(int newImages) {
    return copy(output, seed, videosPerClass, newImages, novelClasses);
  }

  public SynthSettings withNovelClasses(NovelClasses newNovelClasses) {
    return copy(output, seed, videosPerClass, images, newNovelClasses);
  }

  /** These settings with the given values of the fields that the withers change. */
  private SynthSettings copy(
      Path newOutput, long newSeed, int newVideosPerClass, int newImages, NovelClasses novel) {
    return new SynthSettings(
        newOutput,
        newSeed,
        newVideosPerClass,
        newImages,
        size,
        framesPerSecond,
        seconds,
        shapes,
        novel,
        threads);
  }

  private static int defaultThreads() {
    return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }
}
