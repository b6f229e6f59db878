package dev.froster.engine.synth;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** The objects of the world; each is drawn centred on the origin with the given radius. */
public enum ShapeKind {
  CIRCLE("circle", "a round shape"),
  SQUARE("square", "a square with four equal sides"),
  TRIANGLE("triangle", "a three-cornered shape"),
  STAR("star", "a five-pointed star"),
  RING("ring", "a hollow round band"),
  CROSS("cross", "a plus-shaped figure");

  private final String word;
  private final String description;

  ShapeKind(String word, String description) {
    this.word = word;
    this.description = description;
  }

  /** The noun used in class names and captions. */
  public String word() {
    return word;
  }

  /** How a class description refers to this shape (e.g. "a round shape"). */
  public String description() {
    return description;
  }

  /** The outline at radius {@code r}, unrotated, its "up" pointing to negative y. */
  public Shape outline(double r) {
    return switch (this) {
      case CIRCLE -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
      case SQUARE -> new Rectangle2D.Double(-0.8 * r, -0.8 * r, 1.6 * r, 1.6 * r);
      case TRIANGLE -> polygon(3, r, r);
      case STAR -> polygon(5, r, 0.45 * r);
      case RING -> {
        Area ring = new Area(new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        double inner = 0.55 * r;
        ring.subtract(new Area(new Ellipse2D.Double(-inner, -inner, 2 * inner, 2 * inner)));
        yield ring;
      }
      case CROSS -> {
        Area cross = new Area(new Rectangle2D.Double(-r, -0.33 * r, 2 * r, 0.66 * r));
        cross.add(new Area(new Rectangle2D.Double(-0.33 * r, -r, 0.66 * r, 2 * r)));
        yield cross;
      }
    };
  }

  /**
   * A regular polygon ({@code outer == inner}) or star with {@code points} tips, the first tip up.
   */
  private static Shape polygon(int points, double outer, double inner) {
    boolean star = inner != outer;
    int corners = star ? 2 * points : points;
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < corners; i++) {
      double radius = star && i % 2 == 1 ? inner : outer;
      double angle = 2 * Math.PI * i / corners;
      double x = radius * Math.sin(angle);
      double y = -radius * Math.cos(angle);
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    path.closePath();
    return path;
  }
}
