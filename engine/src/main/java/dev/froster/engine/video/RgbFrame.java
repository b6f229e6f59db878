package dev.froster.engine.video;

import java.awt.image.BufferedImage;

/**
 * One decoded frame as packed RGB bytes, row by row, three bytes per pixel ({@code r, g, b}), the
 * layout tensors are built from.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param rgb {@code width * height * 3} bytes
 */
public record RgbFrame(int width, int height, byte[] rgb) {
  public RgbFrame {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
    }
    if (rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "expected "
              + (width * height * 3)
              + " RGB bytes for "
              + width
              + "x"
              + height
              + ", got "
              + rgb.length);
    }
  }

  /** Packs any {@link BufferedImage} as RGB. */
  public static RgbFrame of(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
    byte[] rgb = new byte[width * height * 3];
    for (int i = 0; i < argb.length; i++) {
      rgb[3 * i] = (byte) (argb[i] >> 16);
      rgb[3 * i + 1] = (byte) (argb[i] >> 8);
      rgb[3 * i + 2] = (byte) argb[i];
    }
    return new RgbFrame(width, height, rgb);
  }

  /** Red, green or blue (channel 0, 1, 2) of pixel (x, y), 0–255. */
  public int channel(int x, int y, int channel) {
    return rgb[(y * width + x) * 3 + channel] & 0xff;
  }
}
