package dev.froster.interfaces.faces.models;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A model version's metrics as the page shows them, read from the registry's metrics JSON (see
 * docs/retraining.md): held-out base/novel/HM accuracy, per-class accuracy and the training curves.
 * Every field is optional: an imported CLIP checkpoint has no metrics at all, and a value that is
 * missing or not a number reads as absent rather than failing the page.
 */
public record ModelMetrics(
    Double base,
    Double novel,
    Double hm,
    List<ClassAccuracy> perClass,
    List<CurvePoint> stepLoss,
    List<CurvePoint> epochLoss,
    List<CurvePoint> epochAccuracy) {

  /** One class of the held-out evaluation. */
  public record ClassAccuracy(
      String name, String split, long correct, long total, double accuracy) {}

  /** One point of a curve: x is the step or epoch. */
  public record CurvePoint(double x, double y) {}

  static final ModelMetrics NONE =
      new ModelMetrics(null, null, null, List.of(), List.of(), List.of(), List.of());

  static ModelMetrics parse(String json) {
    if (json == null || json.isBlank()) {
      return NONE;
    }
    JsonObject metrics;
    try {
      JsonValue value = Json.createReader(new StringReader(json)).readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return NONE;
      }
      metrics = value.asJsonObject();
    } catch (JsonParsingException unreadable) {
      return NONE;
    }
    JsonObject curves = object(metrics, "curves");
    JsonArray steps = curves == null ? null : array(curves, "steps");
    JsonArray epochs = curves == null ? null : array(curves, "epochs");
    return new ModelMetrics(
        number(metrics, "base"),
        number(metrics, "novel"),
        number(metrics, "hm"),
        perClass(array(metrics, "perClass")),
        curve(steps, "step", "loss"),
        curve(epochs, "epoch", "loss"),
        curve(epochs, "epoch", "train_accuracy"));
  }

  public boolean hasAccuracy() {
    return base != null || novel != null || hm != null;
  }

  public boolean hasCurves() {
    return !stepLoss.isEmpty() || !epochLoss.isEmpty() || !epochAccuracy.isEmpty();
  }

  /** The accuracy of a class by name, or null when this version was not evaluated on it. */
  public ClassAccuracy classNamed(String name) {
    return perClass.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /** A fraction as a percentage with one decimal, or an en dash when absent. */
  public static String percent(Double fraction) {
    return fraction == null ? "–" : String.format("%.1f %%", 100 * fraction);
  }

  private static List<ClassAccuracy> perClass(JsonArray items) {
    List<ClassAccuracy> classes = new ArrayList<>();
    if (items == null) {
      return classes;
    }
    for (JsonValue item : items) {
      if (item.getValueType() != JsonValue.ValueType.OBJECT) {
        continue;
      }
      JsonObject c = item.asJsonObject();
      Double accuracy = number(c, "accuracy");
      Double correct = number(c, "correct");
      Double total = number(c, "total");
      if (accuracy == null && correct != null && total != null && total > 0) {
        accuracy = correct / total;
      }
      classes.add(
          new ClassAccuracy(
              c.getString("name", "?"),
              c.getString("split", ""),
              correct == null ? 0 : correct.longValue(),
              total == null ? 0 : total.longValue(),
              accuracy == null ? 0 : accuracy));
    }
    return classes;
  }

  private static List<CurvePoint> curve(JsonArray points, String x, String y) {
    List<CurvePoint> curve = new ArrayList<>();
    if (points == null) {
      return curve;
    }
    for (JsonValue point : points) {
      if (point.getValueType() != JsonValue.ValueType.OBJECT) {
        continue;
      }
      Double px = number(point.asJsonObject(), x);
      Double py = number(point.asJsonObject(), y);
      if (px != null && py != null && Double.isFinite(py)) {
        curve.add(new CurvePoint(px, py));
      }
    }
    return curve;
  }

  private static Double number(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonNumber number ? number.doubleValue() : null;
  }

  private static JsonObject object(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.OBJECT
        ? value.asJsonObject()
        : null;
  }

  private static JsonArray array(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.ARRAY
        ? value.asJsonArray()
        : null;
  }
}
