package dev.froster.engine.synth;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Renders a {@link StillScene}. A still of a motion carries the cue a photograph of it could carry,
 * so that the teacher can learn the motion's words from images, as CLIP learned "diving" from
 * photos: fading ghosts of past positions (a trail that shows direction and order: older is
 * fainter), fading outlines of past sizes for growing and shrinking, and a fading arc of dots swept
 * by the object's hand for rotation.
 */
public final class StillRenderer {
  private static final int GHOSTS = 4;
  private static final int ARC_DOTS = 9;

  private final int size;

  public StillRenderer(int size) {
    this.size = size;
  }

  public BufferedImage render(StillScene scene) {
    Random random = new Random(scene.seed());
    BufferedImage image = scene.place().paint(size, random);
    Placement placement = Placement.random(random);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Motion motion = scene.motion();
      if (motion == null) {
        ObjectState rest =
            new ObjectState(placement.centreX(), placement.centreY(), 1, placement.restingAngle());
        ObjectPainter.paint(g, scene.appearance(), rest, size, 1f, false);
        return image;
      }
      // Paths that matter as a whole (order, bounce, circle) are shown from the start.
      boolean wholePath =
          motion.name().contains("_THEN_")
              || motion == Motion.BOUNCING
              || motion == Motion.CIRCLING;
      double now = wholePath ? 0.9 + 0.1 * random.nextDouble() : 0.6 + 0.4 * random.nextDouble();
      double from = wholePath ? 0 : now - 0.6;
      ObjectState current = motion.at(now, placement);
      if (!motion.changesSize()) {
        ghosts(g, scene.appearance(), motion, placement, from, now, false);
      }
      ObjectPainter.paint(g, scene.appearance(), current, size, 1f, false);
      if (motion.changesSize()) {
        ghosts(g, scene.appearance(), motion, placement, from, now, true);
      }
      if (motion.rotates()) {
        sweptArc(g, scene.appearance(), motion, placement, from, now);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private void ghosts(
      Graphics2D g,
      Appearance appearance,
      Motion motion,
      Placement placement,
      double from,
      double now,
      boolean outlines) {
    for (int k = 0; k < GHOSTS; k++) {
      // faint and spaced out, so that the present object keeps its shape
      double t = from + (now - from) * 0.8 * k / GHOSTS;
      float alpha = 0.08f + 0.22f * k / (GHOSTS - 1);
      ObjectPainter.paint(g, appearance, motion.at(t, placement), size, alpha, outlines);
    }
  }

  /** Dots along the path of the hand's tip, growing and darkening towards the present. */
  private void sweptArc(
      Graphics2D g,
      Appearance appearance,
      Motion motion,
      Placement placement,
      double from,
      double now) {
    Graphics2D arc = (Graphics2D) g.create();
    try {
      arc.setColor(appearance.colour().rgb());
      for (int k = 0; k < ARC_DOTS; k++) {
        double t = from + (now - from) * k / (ARC_DOTS - 1);
        ObjectState state = motion.at(t, placement);
        double reach = appearance.size().radius() * 1.3 * size;
        double x = state.x() * size + reach * Math.sin(state.angle());
        double y = state.y() * size - reach * Math.cos(state.angle());
        double dot = Math.max(1.0, size / 64.0 * (1 + 1.5 * k / (ARC_DOTS - 1)));
        float alpha = 0.2f + 0.8f * k / (ARC_DOTS - 1);
        arc.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        arc.fill(new Ellipse2D.Double(x - dot, y - dot, 2 * dot, 2 * dot));
      }
    } finally {
      arc.dispose();
    }
  }
}
