package dev.froster.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arithmetic and the written report on hand-made results. */
class EvaluationReportTest {

  @Test
  void harmonicMeanAndSampleStandardDeviationOnHandValues() {
    assertEquals(48.0, MeanStd.harmonicMean(60, 40), 1e-12);
    assertEquals(50.0, MeanStd.harmonicMean(50, 50), 1e-12);
    assertEquals(0.0, MeanStd.harmonicMean(0, 0), 0);
    assertEquals(0.0, MeanStd.harmonicMean(80, 0), 0);
    MeanStd m = MeanStd.of(List.of(1.0, 2.0, 3.0, 4.0));
    assertEquals(2.5, m.mean(), 1e-12);
    assertEquals(Math.sqrt(5.0 / 3.0), m.std(), 1e-12);
    assertEquals(4, m.count());
    assertEquals(0.0, MeanStd.of(List.of(7.0)).std(), 0);
    assertThrows(IllegalArgumentException.class, () -> MeanStd.of(List.of()));
  }

  @Test
  void mistakesMustAccountForEveryWrongVideo() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SplitAccuracy.ClassAccuracy("star growing", 3, 5, Map.of("circle", 1)));
  }

  static SplitAccuracy accuracy(int correct, int total) {
    // two classes: the first gets every correct answer it can
    int first = Math.min(correct, total / 2);
    return new SplitAccuracy(
        correct,
        total,
        List.of(
            new SplitAccuracy.ClassAccuracy(
                "circle moving left",
                first,
                total / 2,
                mistakes("star growing", total / 2 - first)),
            new SplitAccuracy.ClassAccuracy(
                "star growing",
                correct - first,
                total - total / 2,
                mistakes("circle moving left", total - total / 2 - (correct - first)))));
  }

  private static Map<String, Integer> mistakes(String predicted, int count) {
    return count == 0 ? Map.of() : Map.of(predicted, count);
  }

  static EvaluationReport.Run run(String method, long seed, int base, int novel) {
    Map<String, SplitAccuracy> splits = new LinkedHashMap<>();
    splits.put("base", accuracy(base, 10));
    splits.put("novel", accuracy(novel, 10));
    return new EvaluationReport.Run(method, seed, splits, method.equals("frozen") ? 0 : 12);
  }

  static EvaluationReport handMade() {
    JsonObject settings = new JsonObject();
    settings.addProperty("shots_per_base_class", 2);
    return new EvaluationReport(
        "base-to-novel",
        settings,
        List.of(
            run("frozen", 1, 5, 5),
            run("froster", 1, 6, 4),
            run("frozen", 2, 5, 5),
            run("froster", 2, 8, 6)));
  }

  @Test
  void scoresAddTheHarmonicMeanAndSummariseOverSeeds() {
    EvaluationReport report = handMade();
    assertEquals(List.of("frozen", "froster"), report.methods());
    assertEquals(List.of("base", "novel", "hm"), report.scoreNames());
    Map<String, MeanStd> froster = report.summary("froster");
    assertEquals(70.0, froster.get("base").mean(), 1e-9);
    assertEquals(Math.sqrt(200), froster.get("base").std(), 1e-9);
    assertEquals(50.0, froster.get("novel").mean(), 1e-9);
    // HM per seed (48 and 2·80·60/140), then averaged: not the HM of the means
    double hm2 = 2 * 80.0 * 60.0 / 140.0;
    assertEquals((48.0 + hm2) / 2, froster.get("hm").mean(), 1e-9);
    assertEquals(0.0, report.summary("frozen").get("hm").std(), 0);
  }

  @Test
  void writesJsonWithPerClassResultsAndAMarkdownTable(@TempDir Path dir) throws IOException {
    EvaluationReport report = handMade();
    report.write(dir);
    JsonObject json =
        JsonParser.parseString(
                Files.readString(dir.resolve(EvaluationReport.JSON_FILE), StandardCharsets.UTF_8))
            .getAsJsonObject();
    assertEquals("base-to-novel", json.get("protocol").getAsString());
    assertEquals(2, json.getAsJsonObject("settings").get("shots_per_base_class").getAsInt());
    assertEquals(4, json.getAsJsonArray("runs").size());
    JsonObject second = json.getAsJsonArray("runs").get(1).getAsJsonObject();
    assertEquals("froster", second.get("method").getAsString());
    assertEquals(1, second.get("seed").getAsLong());
    assertEquals(48.0, second.getAsJsonObject("scores").get("hm").getAsDouble(), 1e-9);
    JsonObject perClass =
        second.getAsJsonObject("splits").getAsJsonObject("base").getAsJsonObject("per_class");
    assertEquals(
        100.0, perClass.getAsJsonObject("circle moving left").get("accuracy").getAsDouble());
    assertEquals(20.0, perClass.getAsJsonObject("star growing").get("accuracy").getAsDouble());
    assertEquals(
        4,
        perClass
            .getAsJsonObject("star growing")
            .getAsJsonObject("mistaken_for")
            .get("circle moving left")
            .getAsInt());
    JsonObject summary = json.getAsJsonObject("summary").getAsJsonObject("froster");
    assertEquals(70.0, summary.getAsJsonObject("base").get("mean").getAsDouble(), 1e-9);
    assertEquals(2, summary.getAsJsonObject("base").get("seeds").getAsInt());

    List<String> md = Files.readAllLines(dir.resolve(EvaluationReport.MARKDOWN_FILE));
    assertTrue(md.get(0).contains("2 seeds"), md.get(0));
    assertTrue(md.contains("| Method | Base | Novel | HM |"), md.toString());
    assertTrue(md.contains("| frozen | 50.0 ± 0.0 | 50.0 ± 0.0 | 50.0 ± 0.0 |"), md.toString());
    assertTrue(
        md.contains(
            String.format(
                java.util.Locale.ROOT,
                "| froster | 70.0 ± 14.1 | 50.0 ± 14.1 | %.1f ± %.1f |",
                (48.0 + 2 * 80.0 * 60.0 / 140.0) / 2,
                MeanStd.of(List.of(48.0, 2 * 80.0 * 60.0 / 140.0)).std())),
        md.toString());
  }

  @Test
  void theSummaryLineIsOneJsonObjectOfMeansPerMethod() {
    String line = handMade().summaryLine();
    assertTrue(!line.contains("\n"), line);
    JsonObject json = JsonParser.parseString(line).getAsJsonObject();
    assertEquals(List.of("frozen", "froster"), List.copyOf(json.keySet()));
    assertEquals(
        List.of("base", "novel", "hm"), List.copyOf(json.getAsJsonObject("froster").keySet()));
    assertEquals(70.0, json.getAsJsonObject("froster").get("base").getAsDouble(), 0);
    assertEquals(58.29, json.getAsJsonObject("froster").get("hm").getAsDouble(), 0);
  }
}
