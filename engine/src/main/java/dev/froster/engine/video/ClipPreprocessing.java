package dev.froster.engine.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * CLIP's image transform on decoded frames: bicubic resize of the short side to the model's
 * resolution R, centre crop R×R, scale to [0, 1], normalise with CLIP's per-channel mean and
 * standard deviation; frames are batched as (N, 3, R, R) fp32.
 *
 * <p>The resize follows Pillow's bicubic filter (a = -0.5, with the filter widened by the scale
 * factor when shrinking, i.e. antialiased), as torchvision's Resize on PIL images does for CLIP;
 * torchvision's output size rule (long side = int(R · long / short)) and centre-crop offsets (half
 * of the excess, rounded half to even as Python rounds) are kept, and so is Pillow's rounding to 8
 * bits after each of its two passes: the result equals Pillow's (ClipPreprocessingPillowTest). Only
 * the output pixels inside the crop are computed.
 */
public final class ClipPreprocessing {

  /** CLIP's per-channel mean (R, G, B) of [0, 1] pixel values. */
  public static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};

  /** CLIP's per-channel standard deviation (R, G, B). */
  public static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

  private static final double BICUBIC_A = -0.5;

  private final int resolution;

  /** A transform to R×R images, R = {@code resolution} (the model's image resolution). */
  public ClipPreprocessing(int resolution) {
    if (resolution <= 0) {
      throw new IllegalArgumentException("resolution must be positive, was " + resolution);
    }
    this.resolution = resolution;
  }

  /** The side R of the output images. */
  public int resolution() {
    return resolution;
  }

  /** One batch (N, 3, R, R) of the given images. */
  public NDArray batch(NDManager manager, List<BufferedImage> images) {
    int plane = resolution * resolution;
    float[] pixels = new float[images.size() * 3 * plane];
    for (int i = 0; i < images.size(); i++) {
      BufferedImage image = images.get(i);
      int width = image.getWidth();
      int height = image.getHeight();
      int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
      transformInto(rgb, width, height, pixels, i * 3 * plane);
    }
    return manager.create(pixels, new Shape(images.size(), 3, resolution, resolution));
  }

  /**
   * One batch (N, 3, R, R) of frames given as packed RGB ints (0xRRGGBB, the top byte ignored), row
   * by row, each {@code width}×{@code height}.
   */
  public NDArray batchPacked(NDManager manager, List<int[]> frames, int width, int height) {
    int plane = resolution * resolution;
    float[] pixels = new float[frames.size() * 3 * plane];
    for (int i = 0; i < frames.size(); i++) {
      int[] frame = frames.get(i);
      if (frame.length != width * height) {
        throw new IllegalArgumentException(
            "frame " + i + " has " + frame.length + " pixels, expected " + width + "x" + height);
      }
      transformInto(frame, width, height, pixels, i * 3 * plane);
    }
    return manager.create(pixels, new Shape(frames.size(), 3, resolution, resolution));
  }

  /**
   * One image as 3 planes of R×R normalised values (the layout of one frame in {@link #batch}), for
   * callers that assemble batches themselves.
   */
  public float[] transform(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    float[] pixels = new float[3 * resolution * resolution];
    transformInto(image.getRGB(0, 0, width, height, null, 0, width), width, height, pixels, 0);
    return pixels;
  }

  /** Transforms one frame into {@code out} (3 planes of R×R) starting at {@code offset}. */
  void transformInto(int[] rgb, int width, int height, float[] out, int offset) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("empty frame " + width + "x" + height);
    }
    // torchvision Resize(R): the short side becomes R, the long side int(R * long / short)
    int resizedWidth;
    int resizedHeight;
    if (width <= height) {
      resizedWidth = resolution;
      resizedHeight = (int) ((long) resolution * height / width);
    } else {
      resizedHeight = resolution;
      resizedWidth = (int) ((long) resolution * width / height);
    }
    // torchvision CenterCrop: offsets are the half of the excess, rounded as Python's round()
    // does (half to even: an excess of 5 gives 2, not 3)
    int left = (int) Math.rint((resizedWidth - resolution) / 2.0);
    int top = (int) Math.rint((resizedHeight - resolution) / 2.0);
    Resampling columns = new Resampling(width, resizedWidth, left, resolution);
    Resampling rows = new Resampling(height, resizedHeight, top, resolution);

    // horizontal pass over every source row: (height, R) per channel
    float[][] horizontal = new float[3][height * resolution];
    for (int y = 0; y < height; y++) {
      int rowStart = y * width;
      for (int x = 0; x < resolution; x++) {
        double r = 0;
        double g = 0;
        double b = 0;
        int first = columns.first[x];
        double[] weights = columns.weights[x];
        for (int k = 0; k < weights.length; k++) {
          int pixel = rgb[rowStart + first + k];
          double w = weights[k];
          r += w * ((pixel >> 16) & 0xFF);
          g += w * ((pixel >> 8) & 0xFF);
          b += w * (pixel & 0xFF);
        }
        horizontal[0][y * resolution + x] = toByte(r);
        horizontal[1][y * resolution + x] = toByte(g);
        horizontal[2][y * resolution + x] = toByte(b);
      }
    }
    // vertical pass, back to 8 bits as Pillow does, then normalise
    int plane = resolution * resolution;
    for (int channel = 0; channel < 3; channel++) {
      float[] source = horizontal[channel];
      for (int y = 0; y < resolution; y++) {
        int first = rows.first[y];
        double[] weights = rows.weights[y];
        for (int x = 0; x < resolution; x++) {
          double value = 0;
          for (int k = 0; k < weights.length; k++) {
            value += weights[k] * source[(first + k) * resolution + x];
          }
          out[offset + channel * plane + y * resolution + x] =
              (float) ((toByte(value) / 255.0 - MEAN[channel]) / STD[channel]);
        }
      }
    }
  }

  /**
   * Pillow keeps 8-bit images in 8 bits after each resampling pass: rounded (half up), clipped to
   * 0..255. Bicubic overshoot at sharp edges is clipped between the passes, not only at the end.
   */
  private static float toByte(double value) {
    return (float) Math.min(255.0, Math.max(0.0, Math.floor(value + 0.5)));
  }

  /**
   * Pillow's resampling coefficients along one axis, for the output positions {@code start} ..
   * {@code start + count - 1} of a resize from {@code inSize} to {@code outSize}.
   */
  private static final class Resampling {
    final int[] first;
    final double[][] weights;

    Resampling(int inSize, int outSize, int start, int count) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = 2.0 * filterScale;
      first = new int[count];
      weights = new double[count][];
      for (int i = 0; i < count; i++) {
        double center = (start + i + 0.5) * scale;
        int lo = (int) Math.max(0, Math.floor(center - support + 0.5));
        int hi = (int) Math.min(inSize, Math.floor(center + support + 0.5));
        double[] w = new double[Math.max(1, hi - lo)];
        double total = 0;
        for (int j = 0; j < hi - lo; j++) {
          w[j] = cubic((lo + j - center + 0.5) / filterScale);
          total += w[j];
        }
        if (hi - lo == 0) {
          lo = Math.min(inSize - 1, Math.max(0, (int) center));
          w[0] = 1;
          total = 1;
        }
        for (int j = 0; j < w.length; j++) {
          w[j] /= total;
        }
        first[i] = lo;
        weights[i] = w;
      }
    }

    private static double cubic(double x) {
      double ax = Math.abs(x);
      if (ax < 1) {
        return ((BICUBIC_A + 2) * ax - (BICUBIC_A + 3)) * ax * ax + 1;
      }
      if (ax < 2) {
        return (((ax - 5) * ax + 8) * ax - 4) * BICUBIC_A;
      }
      return 0;
    }
  }
}
