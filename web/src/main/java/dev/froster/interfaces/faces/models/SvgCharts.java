package dev.froster.interfaces.faces.models;

import dev.froster.interfaces.faces.models.ModelMetrics.CurvePoint;
import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts for the models page, drawn on the server so that nothing is fetched by
 * the browser (no chart library, no CDN). Only numbers and fixed labels go into the markup, so it
 * is safe to render unescaped.
 */
final class SvgCharts {

  static final int WIDTH = 420;
  static final int HEIGHT = 160;
  private static final int PAD = 28;

  private SvgCharts() {}

  /** A polyline of one curve scaled to its own range, with the range written on the y axis. */
  static String line(String id, String title, List<CurvePoint> points) {
    if (points.isEmpty()) {
      return "";
    }
    double minX = points.stream().mapToDouble(CurvePoint::x).min().orElse(0);
    double maxX = points.stream().mapToDouble(CurvePoint::x).max().orElse(1);
    double minY = points.stream().mapToDouble(CurvePoint::y).min().orElse(0);
    double maxY = points.stream().mapToDouble(CurvePoint::y).max().orElse(1);
    double spanX = maxX > minX ? maxX - minX : 1;
    double spanY = maxY > minY ? maxY - minY : 1;
    StringBuilder polyline = new StringBuilder();
    for (CurvePoint p : points) {
      double x = PAD + (p.x() - minX) / spanX * (WIDTH - 2 * PAD);
      double y = HEIGHT - PAD - (p.y() - minY) / spanY * (HEIGHT - 2 * PAD);
      polyline.append(format("%.1f,%.1f ", x, y));
    }
    return open(id, title)
        + axes()
        + format(
            "<polyline class=\"curve\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\""
                + " points=\"%s\"/>",
            polyline.toString().trim())
        + label(4, PAD - 6, format("%.3g", maxY))
        + label(4, HEIGHT - PAD, format("%.3g", minY))
        + label(PAD, HEIGHT - 8, format("%.0f", minX))
        + label(WIDTH - PAD - 20, HEIGHT - 8, format("%.0f", maxX))
        + "</svg>";
  }

  /** Bars of base, novel and harmonic-mean accuracy on a 0–100 % scale. */
  static String accuracyBars(String id, Double base, Double novel, Double hm) {
    String[] names = {"base", "novel", "HM"};
    Double[] values = {base, novel, hm};
    StringBuilder bars = new StringBuilder(open(id, "held-out accuracy")).append(axes());
    double slot = (WIDTH - 2.0 * PAD) / names.length;
    for (int i = 0; i < names.length; i++) {
      double fraction = values[i] == null ? 0 : Math.max(0, Math.min(1, values[i]));
      double height = fraction * (HEIGHT - 2 * PAD);
      double x = PAD + i * slot + slot * 0.2;
      bars.append(
              format(
                  "<rect class=\"bar bar-%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                      + " fill=\"%s\"><title>%s %s</title></rect>",
                  names[i].toLowerCase(Locale.ROOT),
                  x,
                  HEIGHT - PAD - height,
                  slot * 0.6,
                  height,
                  i == 2 ? "#16a34a" : "#60a5fa",
                  names[i],
                  ModelMetrics.percent(values[i])))
          .append(label(x, HEIGHT - 8, names[i]))
          .append(label(x, HEIGHT - PAD - height - 4, ModelMetrics.percent(values[i])));
    }
    return bars.append("</svg>").toString();
  }

  private static String open(String id, String title) {
    return format(
        "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
            + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>",
        id, WIDTH, HEIGHT, WIDTH, HEIGHT, title);
  }

  private static String axes() {
    return format(
        "<path d=\"M%d %d V%d H%d\" stroke=\"#94a3b8\" fill=\"none\"/>",
        PAD, PAD / 2, HEIGHT - PAD, WIDTH - PAD / 2);
  }

  private static String label(double x, double y, String text) {
    return format(
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#334155\">%s</text>", x, y, text);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
