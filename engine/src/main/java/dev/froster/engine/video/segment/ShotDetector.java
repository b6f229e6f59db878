package dev.froster.engine.video.segment;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Finds hard cuts: the mean absolute difference of consecutive frames, each reduced to a coarse
 * grid of block averages (about 40 blocks along the long side), as a share of 255.
 *
 * <p>Block averages rather than pixels, because object motion and compression noise move single
 * pixels a lot but block means little, while a cut replaces the whole picture; a difference rather
 * than colour histograms, because the synthetic and archive footage we index cuts between scenes of
 * similar palettes, which histograms cannot tell apart. Gradual transitions (fades, dissolves) are
 * not cuts to this detector.
 */
final class ShotDetector {
  private static final int BLOCKS_ALONG_LONG_SIDE = 40;

  private final double threshold;
  private float[] previous;

  ShotDetector(double threshold) {
    this.threshold = threshold;
  }

  /** Whether {@code frame} (BGR) starts a new shot; the first frame never does. */
  boolean isCut(BufferedImage frame) {
    float[] grid = blockMeans(frame);
    boolean cut = previous != null && difference(previous, grid) > threshold;
    previous = grid;
    return cut;
  }

  /** Mean absolute difference of two grids of the same frame size, 0..1. */
  static double difference(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / a.length / 255.0;
  }

  /** Per-channel means of blocks of the frame, block by block. */
  static float[] blockMeans(BufferedImage frame) {
    int width = frame.getWidth();
    int height = frame.getHeight();
    int block = Math.max(1, Math.max(width, height) / BLOCKS_ALONG_LONG_SIDE);
    int columns = (width + block - 1) / block;
    int rows = (height + block - 1) / block;
    float[] sums = new float[columns * rows * 3];
    int[] counts = new int[columns * rows];
    byte[] bgr = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < height; y++) {
      int rowBlock = (y / block) * columns;
      for (int x = 0; x < width; x++) {
        int cell = rowBlock + x / block;
        int pixel = (y * width + x) * 3;
        sums[cell * 3] += bgr[pixel] & 0xff;
        sums[cell * 3 + 1] += bgr[pixel + 1] & 0xff;
        sums[cell * 3 + 2] += bgr[pixel + 2] & 0xff;
        counts[cell]++;
      }
    }
    for (int cell = 0; cell < counts.length; cell++) {
      for (int c = 0; c < 3; c++) {
        sums[cell * 3 + c] /= counts[cell];
      }
    }
    return sums;
  }
}
