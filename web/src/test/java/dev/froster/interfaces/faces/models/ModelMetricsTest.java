package dev.froster.interfaces.faces.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelMetricsTest {

  private static final String TRAINED =
      "{\"base\": 0.8, \"novel\": 0.6, \"hm\": 0.6857,"
          + " \"perClass\": [{\"name\": \"diving\", \"split\": \"base\", \"correct\": 4,"
          + " \"total\": 5, \"accuracy\": 0.8}, {\"name\": \"juggling\", \"correct\": 1,"
          + " \"total\": 4}],"
          + " \"curves\": {\"steps\": [{\"step\": 1, \"loss\": 2.5}, {\"step\": 2, \"loss\": 1.5},"
          + " {\"step\": 3, \"loss\": \"NaN\"}], \"epochs\": [{\"epoch\": 1, \"loss\": 2.0,"
          + " \"train_accuracy\": 0.5}]}}";

  @Test
  void readsAccuracyPerClassAndCurves() {
    ModelMetrics metrics = ModelMetrics.parse(TRAINED);
    assertEquals(0.6857, metrics.hm());
    assertEquals("68.6 %", ModelMetrics.percent(metrics.hm()));
    assertEquals(2, metrics.perClass().size());
    // A class without an accuracy gets correct / total.
    assertEquals(0.25, metrics.classNamed("juggling").accuracy());
    assertNull(metrics.classNamed("running"));
    // A value that is not a number is left out of the curve rather than failing the page.
    assertEquals(2, metrics.stepLoss().size());
    assertEquals(1, metrics.epochAccuracy().size());
  }

  @Test
  void anImportedCheckpointOrBrokenJsonHasNoMetrics() {
    for (String json : new String[] {null, "", "{}", "[1, 2]", "{not json"}) {
      ModelMetrics metrics = ModelMetrics.parse(json);
      assertFalse(metrics.hasAccuracy(), json);
      assertFalse(metrics.hasCurves(), json);
      assertEquals("–", ModelMetrics.percent(metrics.base()));
    }
  }

  @Test
  void chartsAreSvgWithOnePointPerStepAndThreeBars() {
    ModelMetrics metrics = ModelMetrics.parse(TRAINED);
    String curve = SvgCharts.line("loss-7", "loss per step", metrics.stepLoss());
    assertTrue(curve.startsWith("<svg id=\"loss-7\""), curve);
    String points = curve.replaceAll("(?s).*points=\"([^\"]*)\".*", "$1");
    assertEquals(2, points.split(" ").length, points);
    String bars = SvgCharts.accuracyBars("bars-7", 0.8, 0.6, null);
    assertEquals(3, bars.split("<rect ").length - 1);
    assertTrue(bars.contains("80.0 %"));
    assertEquals("", SvgCharts.line("empty", "nothing", ModelMetrics.NONE.stepLoss()));
  }
}
