package dev.froster.engine.synth;

import dev.froster.engine.video.RgbFrame;
import java.awt.image.BufferedImage;

/**
 * Measurements on decoded frames of a red object on snow: where the red is, how much of it there
 * is, and which way the object's dark hand points.
 */
final class FrameMeasure {
  final double x;
  final double y;
  final int area;
  final double handAngle;

  private FrameMeasure(double x, double y, int area, double handAngle) {
    this.x = x;
    this.y = y;
    this.area = area;
    this.handAngle = handAngle;
  }

  static FrameMeasure of(BufferedImage image) {
    RgbFrame frame = RgbFrame.of(image);
    double redX = 0;
    double redY = 0;
    int red = 0;
    double handX = 0;
    double handY = 0;
    int hand = 0;
    for (int y = 0; y < frame.height(); y++) {
      for (int x = 0; x < frame.width(); x++) {
        int r = frame.channel(x, y, 0);
        int g = frame.channel(x, y, 1);
        int b = frame.channel(x, y, 2);
        if (r > 140 && g < 120 && b < 120) {
          redX += x;
          redY += y;
          red++;
        } else if (r + g + b < 240) {
          handX += x;
          handY += y;
          hand++;
        }
      }
    }
    double cx = (redX + handX) / Math.max(1, red + hand);
    double cy = (redY + handY) / Math.max(1, red + hand);
    double angle = hand == 0 ? Double.NaN : Math.atan2(handY / hand - cy, handX / hand - cx);
    return new FrameMeasure(redX / Math.max(1, red), redY / Math.max(1, red), red, angle);
  }

  /** The signed angle from {@code a} to {@code b}, in (-pi, pi]. */
  static double turn(double a, double b) {
    double d = b - a;
    while (d > Math.PI) {
      d -= 2 * Math.PI;
    }
    while (d <= -Math.PI) {
      d += 2 * Math.PI;
    }
    return d;
  }
}
