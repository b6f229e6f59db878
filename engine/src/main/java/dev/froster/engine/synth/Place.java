package dev.froster.engine.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Backgrounds, each a procedural texture that differs (within its look) from seed to seed. */
public enum Place {
  GRASS("grass", "on grass"),
  SAND("sand", "on sand"),
  BRICK_WALL("brick wall", "in front of a brick wall"),
  WATER("water", "on water"),
  SNOW("snow", "on snow"),
  NIGHT_SKY("night sky", "in the night sky");

  private final String words;
  private final String locative;

  Place(String words, String locative) {
    this.words = words;
    this.locative = locative;
  }

  /** The place's name, e.g. "night sky". */
  public String words() {
    return words;
  }

  /** Where something is, e.g. "in the night sky". */
  public String locative() {
    return locative;
  }

  /** Paints a {@code size × size} background. */
  public BufferedImage paint(int size, Random random) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    try {
      switch (this) {
        case GRASS -> grass(g, size, random);
        case SAND -> sand(g, size, random);
        case BRICK_WALL -> brickWall(g, size, random);
        case WATER -> water(g, size, random);
        case SNOW -> snow(g, size, random);
        case NIGHT_SKY -> nightSky(g, size, random);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void grass(Graphics2D g, int size, Random random) {
    g.setColor(jitter(new Color(70, 135, 55), random, 15));
    g.fillRect(0, 0, size, size);
    g.setStroke(new BasicStroke(Math.max(1f, size / 64f)));
    for (int i = 0; i < size * 3; i++) {
      g.setColor(jitter(new Color(60, 150, 50), random, 35));
      double x = random.nextDouble() * size;
      double y = random.nextDouble() * size;
      double length = size * (0.03 + 0.05 * random.nextDouble());
      double lean = (random.nextDouble() - 0.5) * length;
      g.drawLine((int) x, (int) y, (int) (x + lean), (int) (y - length));
    }
  }

  private static void sand(Graphics2D g, int size, Random random) {
    g.setColor(jitter(new Color(220, 195, 140), random, 12));
    g.fillRect(0, 0, size, size);
    double phase = random.nextDouble() * Math.PI * 2;
    g.setColor(new Color(200, 172, 118));
    for (int row = 0; row < size; row += Math.max(3, size / 10)) {
      for (int x = 0; x < size; x++) {
        int y = row + (int) Math.round(1.5 * Math.sin(phase + x * 0.3));
        g.fillRect(x, y, 1, 1);
      }
    }
    speckle(g, size, random, new Color(180, 150, 100), size * size / 12);
  }

  private static void brickWall(Graphics2D g, int size, Random random) {
    g.setColor(new Color(195, 190, 180));
    g.fillRect(0, 0, size, size);
    int brickHeight = Math.max(4, size / 8);
    int brickWidth = 2 * brickHeight;
    int offset = random.nextInt(brickWidth);
    for (int row = 0; row * brickHeight < size; row++) {
      int shift = (row % 2 == 0 ? 0 : brickWidth / 2) + offset;
      for (int x = -brickWidth; x < size + brickWidth; x += brickWidth) {
        g.setColor(jitter(new Color(160, 65, 45), random, 20));
        g.fillRect(x + shift - brickWidth, row * brickHeight, brickWidth - 1, brickHeight - 1);
      }
    }
  }

  private static void water(Graphics2D g, int size, Random random) {
    g.setColor(jitter(new Color(35, 95, 165), random, 12));
    g.fillRect(0, 0, size, size);
    g.setColor(new Color(90, 150, 210));
    double phase = random.nextDouble() * Math.PI * 2;
    for (int row = 2; row < size; row += Math.max(3, size / 12)) {
      double rowPhase = phase + row;
      for (int x = 0; x < size; x++) {
        double wave = Math.sin(rowPhase + x * 0.25);
        if (wave > 0.3) {
          g.fillRect(x, row + (int) Math.round(wave), 1, 1);
        }
      }
    }
  }

  private static void snow(Graphics2D g, int size, Random random) {
    g.setColor(jitter(new Color(238, 242, 248), random, 6));
    g.fillRect(0, 0, size, size);
    speckle(g, size, random, new Color(205, 215, 232), size * size / 10);
  }

  private static void nightSky(Graphics2D g, int size, Random random) {
    g.setColor(jitter(new Color(15, 20, 50), random, 8));
    g.fillRect(0, 0, size, size);
    speckle(g, size, random, new Color(240, 240, 210), size * size / 60);
  }

  private static void speckle(Graphics2D g, int size, Random random, Color colour, int count) {
    g.setColor(colour);
    for (int i = 0; i < count; i++) {
      g.fillRect(random.nextInt(size), random.nextInt(size), 1, 1);
    }
  }

  private static Color jitter(Color base, Random random, int amount) {
    return new Color(
        clamp(base.getRed() + random.nextInt(2 * amount + 1) - amount),
        clamp(base.getGreen() + random.nextInt(2 * amount + 1) - amount),
        clamp(base.getBlue() + random.nextInt(2 * amount + 1) - amount));
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }
}
