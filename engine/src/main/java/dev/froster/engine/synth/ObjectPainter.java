package dev.froster.engine.synth;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;

/**
 * Draws one object in its {@link ObjectStyle}. Every object carries a dark "hand" from its centre
 * towards its top, so that rotation is visible even on round shapes, as texture would show it on a
 * real object.
 */
final class ObjectPainter {
  private static final Color HAND = new Color(25, 25, 25);

  private ObjectPainter() {}

  /**
   * Paints {@code appearance} in state {@code state} on a {@code frameSize}-pixel square canvas,
   * with opacity {@code alpha}; {@code outlineOnly} draws just the contour (used for the past
   * states of a size change in still images).
   */
  static void paint(
      Graphics2D canvas,
      Appearance appearance,
      ObjectState state,
      int frameSize,
      float alpha,
      boolean outlineOnly) {
    Graphics2D g = (Graphics2D) canvas.create();
    try {
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
      g.translate(state.x() * frameSize, state.y() * frameSize);
      g.rotate(state.angle());
      double radius = appearance.size().radius() * state.scale() * frameSize;
      Shape outline = appearance.shape().outline(radius);
      Color colour = appearance.colour().rgb();
      float line = (float) Math.max(1.0, radius * 0.22);
      if (outlineOnly) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(Math.max(1f, line * 0.6f)));
        g.draw(outline);
        return;
      }
      switch (appearance.style()) {
        case FILLED -> {
          g.setColor(colour);
          g.fill(outline);
        }
        case OUTLINED -> {
          g.setColor(colour);
          g.setStroke(new BasicStroke(line));
          g.draw(outline);
        }
        case STRIPED -> {
          g.setColor(colour);
          g.fill(outline);
          stripes(g, outline, radius, colour);
        }
      }
      g.setColor(HAND);
      g.setStroke(new BasicStroke((float) Math.max(1.0, radius * 0.18)));
      g.draw(new Line2D.Double(0, 0, 0, -0.75 * radius));
    } finally {
      g.dispose();
    }
  }

  /** Diagonal light stripes clipped to the shape; they turn with the object. */
  private static void stripes(Graphics2D g, Shape outline, double radius, Color colour) {
    Graphics2D striped = (Graphics2D) g.create();
    try {
      striped.clip(outline);
      striped.setColor(colour.brighter().brighter());
      striped.setStroke(new BasicStroke((float) Math.max(1.0, radius * 0.15)));
      AffineTransform diagonal = AffineTransform.getRotateInstance(Math.PI / 4);
      striped.transform(diagonal);
      double spacing = Math.max(2.5, radius * 0.45);
      for (double offset = -2 * radius; offset <= 2 * radius; offset += spacing) {
        striped.draw(new Line2D.Double(offset, -2 * radius, offset, 2 * radius));
      }
    } finally {
      striped.dispose();
    }
  }
}
