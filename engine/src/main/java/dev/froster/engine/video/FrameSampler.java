package dev.froster.engine.video;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes the frames a model looks at: T frames spread uniformly over a video (test-time sampling),
 * or T frames from a start frame with a fixed stride (FROSTER's training clips: 8 frames with
 * stride 16 from a random start).
 *
 * <p>Frames are read in one sequential pass that keeps only the wanted ones: on short clips and
 * short GOPs that is as fast as seeking, and it is exact (no keyframe snapping). Frame numbers are
 * 0-based decode order.
 */
public final class FrameSampler {
  /**
   * A stream may hold a frame or two fewer than its container declares; a shorter stream than this
   * is treated as truncated.
   */
  private static final double TRUNCATION_TOLERANCE = 0.05;

  private FrameSampler() {}

  /**
   * Frame numbers of {@code count} frames spread uniformly over {@code frameCount}: the centre of
   * each of {@code count} equal parts. Repeats frames when the video is shorter than {@code count}.
   */
  public static int[] uniformIndices(int frameCount, int count) {
    requirePositive(frameCount, "frameCount");
    requirePositive(count, "count");
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      indices[i] = (int) Math.min(frameCount - 1, Math.floor((i + 0.5) * frameCount / count));
    }
    return indices;
  }

  /**
   * Frame numbers {@code start, start + stride, ...}; past the last frame, the last frame repeats
   * (as clip samplers pad short videos).
   */
  public static int[] stridedIndices(int frameCount, int count, int start, int stride) {
    requirePositive(frameCount, "frameCount");
    requirePositive(count, "count");
    requirePositive(stride, "stride");
    if (start < 0) {
      throw new IllegalArgumentException("start frame must not be negative: " + start);
    }
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      indices[i] = (int) Math.min(frameCount - 1L, start + (long) i * stride);
    }
    return indices;
  }

  /** {@code count} frames spread uniformly over the whole video. */
  public static List<BufferedImage> uniform(Path video, int count) throws VideoDecodingException {
    return frames(video, uniformIndices(videoFacts(video).frameCount(), count));
  }

  /** {@code count} frames from {@code startFrame}, every {@code stride}-th frame. */
  public static List<BufferedImage> strided(Path video, int count, int startFrame, int stride)
      throws VideoDecodingException {
    return frames(video, stridedIndices(videoFacts(video).frameCount(), count, startFrame, stride));
  }

  private static VideoFacts videoFacts(Path video) throws VideoDecodingException {
    VideoFacts facts = VideoProbe.probe(video);
    if (!facts.hasVideo()) {
      throw new VideoDecodingException(video, "the file has no video stream");
    }
    if (facts.frameCount() <= 0) {
      throw new VideoDecodingException(video, "the video declares no frames");
    }
    return facts;
  }

  /** The given frames as packed RGB, in the order asked. */
  public static List<RgbFrame> framesRgb(Path video, int[] frameNumbers)
      throws VideoDecodingException {
    List<BufferedImage> images = frames(video, frameNumbers);
    List<RgbFrame> rgb = new ArrayList<>(images.size());
    for (BufferedImage image : images) {
      rgb.add(RgbFrame.of(image));
    }
    return rgb;
  }

  /**
   * Decodes the given frame numbers (any order, repeats allowed) in one pass and returns them in
   * the order asked, as {@link BufferedImage#TYPE_3BYTE_BGR} images the caller owns.
   *
   * @throws VideoDecodingException if the file is not a readable video, a frame number is beyond
   *     the declared length, or the stream ends well before its declared length (truncated file)
   */
  public static List<BufferedImage> frames(Path video, int[] frameNumbers)
      throws VideoDecodingException {
    if (frameNumbers.length == 0) {
      return List.of();
    }
    int[] wanted = Arrays.stream(frameNumbers).sorted().distinct().toArray();
    if (wanted[0] < 0) {
      throw new IllegalArgumentException("frame numbers must not be negative: " + wanted[0]);
    }
    BufferedImage[] decoded = new BufferedImage[wanted.length];
    try (OpenedVideo opened = OpenedVideo.open(video)) {
      decodeWanted(opened, wanted, decoded);
    }
    List<BufferedImage> result = new ArrayList<>(frameNumbers.length);
    for (int frameNumber : frameNumbers) {
      BufferedImage frame = decoded[Arrays.binarySearch(wanted, frameNumber)];
      result.add(result.contains(frame) ? copy(frame) : frame);
    }
    return result;
  }

  private static void decodeWanted(OpenedVideo opened, int[] wanted, BufferedImage[] decoded)
      throws VideoDecodingException {
    FFmpegFrameGrabber grabber = opened.grabber();
    int declared = grabber.getLengthInVideoFrames();
    int last = wanted[wanted.length - 1];
    if (declared > 0 && last >= declared) {
      throw new VideoDecodingException(
          opened.file(), "frame " + last + " asked, but the video has " + declared + " frames");
    }
    // Frames near the declared end are converted as they pass, so that a stream one or two
    // frames shorter than declared can still answer with its real last frame.
    int tailStart = declared - (int) Math.ceil(declared * TRUNCATION_TOLERANCE) - 1;
    BufferedImage lastSeen = null;
    int frameNumber = 0;
    int next = 0;
    try {
      while (next < wanted.length) {
        Frame frame = grabber.grabImage();
        if (frame == null) {
          break;
        }
        if (frame.image == null) {
          continue;
        }
        boolean isWanted = frameNumber == wanted[next];
        if (isWanted || frameNumber >= tailStart) {
          lastSeen = toImage(opened, frame);
        }
        if (isWanted) {
          decoded[next++] = lastSeen;
        }
        frameNumber++;
      }
    } catch (FrameGrabber.Exception | RuntimeException e) {
      throw new VideoDecodingException(
          opened.file(),
          "decoding failed at frame " + frameNumber + " (" + e.getMessage() + ")",
          e);
    }
    if (next < wanted.length) {
      boolean nearlyComplete =
          lastSeen != null && frameNumber >= declared - Math.ceil(declared * TRUNCATION_TOLERANCE);
      if (!nearlyComplete) {
        throw new VideoDecodingException(
            opened.file(),
            "the stream ends after "
                + frameNumber
                + " of "
                + declared
                + " declared frames (truncated or damaged file)");
      }
      while (next < wanted.length) {
        decoded[next++] = lastSeen;
      }
    }
  }

  private static BufferedImage toImage(OpenedVideo opened, Frame frame)
      throws VideoDecodingException {
    return VideoFrameStream.toImage(opened.file(), frame);
  }

  /** A second, independent copy of a frame asked for twice. */
  private static BufferedImage copy(BufferedImage source) {
    BufferedImage copy =
        new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D graphics = copy.createGraphics();
    try {
      graphics.drawImage(source, 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return copy;
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
