package dev.froster.engine.clip.pretrain;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * CLIP's only training augmentation: a random square crop, here covering {@code minScale} to all of
 * the image's shorter side squared, placed uniformly; {@link
 * dev.froster.engine.video.ClipPreprocessing} then resizes it to the model's resolution. No flip:
 * captions name directions ("moving left"), which a mirror image would contradict.
 */
final class RandomSquareCrop {
  private final double minScale;

  /**
   * @param minScale smallest fraction of the largest square's area that a crop keeps, in (0, 1]
   */
  RandomSquareCrop(double minScale) {
    if (!(minScale > 0 && minScale <= 1)) {
      throw new IllegalArgumentException("minimum crop scale must lie in (0, 1], was " + minScale);
    }
    this.minScale = minScale;
  }

  /** A crop of {@code image} drawn with {@code random} (a view sharing the image's pixels). */
  BufferedImage apply(BufferedImage image, Random random) {
    int shorter = Math.min(image.getWidth(), image.getHeight());
    double scale = minScale + (1 - minScale) * random.nextDouble();
    int side = Math.max(1, Math.min(shorter, (int) Math.round(shorter * Math.sqrt(scale))));
    int left = random.nextInt(image.getWidth() - side + 1);
    int top = random.nextInt(image.getHeight() - side + 1);
    return image.getSubimage(left, top, side, side);
  }
}
