package dev.froster.engine.video.segment;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Turns a (downscaled) decoded frame upright as a player shows it and encodes it as JPEG. */
final class KeyframeEncoder {
  private final int clockwiseDegrees;
  private final float quality;

  KeyframeEncoder(int clockwiseDegrees, float quality) {
    this.clockwiseDegrees = Math.floorMod(clockwiseDegrees, 360);
    this.quality = quality;
  }

  /**
   * The size {@code width × height} frames are scaled to so that the longer side is at most {@code
   * maxSide} (never enlarged), keeping the aspect ratio.
   */
  static int[] scaledSize(int width, int height, int maxSide) {
    double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
    return new int[] {
      Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))
    };
  }

  byte[] encode(BufferedImage frame) {
    BufferedImage upright = rotate(frame, clockwiseDegrees);
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this Java runtime has no JPEG writer");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(upright, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a keyframe in memory", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The frame turned clockwise by a quarter-turn multiple. */
  static BufferedImage rotate(BufferedImage frame, int clockwiseDegrees) {
    if (clockwiseDegrees == 0) {
      return frame;
    }
    int width = frame.getWidth();
    int height = frame.getHeight();
    boolean quarter = clockwiseDegrees == 90 || clockwiseDegrees == 270;
    int outWidth = quarter ? height : width;
    int outHeight = quarter ? width : height;
    BufferedImage rotated = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_3BYTE_BGR);
    AffineTransform turn = new AffineTransform();
    // rotate about the origin, then move the turned picture back into the positive quadrant
    switch (clockwiseDegrees) {
      case 90 -> turn.translate(outWidth, 0);
      case 180 -> turn.translate(outWidth, outHeight);
      case 270 -> turn.translate(0, outHeight);
      default -> throw new IllegalArgumentException("not a quarter turn: " + clockwiseDegrees);
    }
    turn.rotate(Math.toRadians(clockwiseDegrees));
    Graphics2D graphics = rotated.createGraphics();
    try {
      graphics.drawImage(frame, turn, null);
    } finally {
      graphics.dispose();
    }
    return rotated;
  }
}
