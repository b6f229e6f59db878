package dev.froster.engine.eval;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The results of a protocol: one {@link Run} per method and seed with its accuracy per test split
 * and per class, summarised per method as mean ± std over seeds. Written as {@code report.json}
 * (everything) and {@code report.md} (the summary table); for base-to-novel runs the harmonic mean
 * "hm" of base and novel is added to every run's scores.
 */
public final class EvaluationReport {

  /** File name of the full report. */
  public static final String JSON_FILE = "report.json";

  /** File name of the summary table. */
  public static final String MARKDOWN_FILE = "report.md";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /**
   * One method trained (or not) with one seed and evaluated on named test splits.
   *
   * @param method the method's label ({@link MethodLabels})
   * @param seed the seed of shots and training
   * @param splits accuracy per test split ("base", "novel", "target", ...), in report order
   * @param steps optimiser steps run (0: not trained)
   */
  public record Run(String method, long seed, Map<String, SplitAccuracy> splits, long steps) {
    public Run {
      splits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(splits));
    }

    /** Accuracy in % per split, plus "hm" when both "base" and "novel" were evaluated. */
    public Map<String, Double> scores() {
      Map<String, Double> scores = new LinkedHashMap<>();
      splits.forEach((name, accuracy) -> scores.put(name, accuracy.percent()));
      if (scores.containsKey("base") && scores.containsKey("novel")) {
        scores.put("hm", MeanStd.harmonicMean(scores.get("base"), scores.get("novel")));
      }
      return scores;
    }
  }

  private final String protocol;
  private final JsonObject settings;
  private final List<Run> runs;

  /** A report of {@code protocol} run with {@code settings} (recorded as given). */
  public EvaluationReport(String protocol, JsonObject settings, List<Run> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run");
    }
    this.protocol = protocol;
    this.settings = settings.deepCopy();
    this.runs = List.copyOf(runs);
  }

  public List<Run> runs() {
    return runs;
  }

  /** Methods in the order of their first run. */
  public List<String> methods() {
    Set<String> methods = new LinkedHashSet<>();
    runs.forEach(r -> methods.add(r.method()));
    return List.copyOf(methods);
  }

  /** Score names in the order of the first run's. */
  public List<String> scoreNames() {
    return List.copyOf(runs.get(0).scores().keySet());
  }

  /** Mean ± std over seeds of every score of {@code method}. */
  public Map<String, MeanStd> summary(String method) {
    Map<String, MeanStd> summary = new LinkedHashMap<>();
    for (String score : scoreNames()) {
      List<Double> values = new ArrayList<>();
      for (Run run : runs) {
        if (run.method().equals(method) && run.scores().containsKey(score)) {
          values.add(run.scores().get(score));
        }
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException("method " + method + " has no runs");
      }
      summary.put(score, MeanStd.of(values));
    }
    return summary;
  }

  /** Everything: settings, every run with per-class accuracy, and the summary. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("protocol", protocol);
    json.add("settings", settings.deepCopy());
    JsonArray runArray = new JsonArray();
    for (Run run : runs) {
      JsonObject r = new JsonObject();
      r.addProperty("method", run.method());
      r.addProperty("seed", run.seed());
      r.addProperty("steps", run.steps());
      JsonObject scores = new JsonObject();
      run.scores().forEach(scores::addProperty);
      r.add("scores", scores);
      JsonObject splits = new JsonObject();
      run.splits()
          .forEach(
              (name, accuracy) -> {
                JsonObject split = new JsonObject();
                split.addProperty("correct", accuracy.correct());
                split.addProperty("total", accuracy.total());
                JsonObject perClass = new JsonObject();
                for (SplitAccuracy.ClassAccuracy c : accuracy.perClass()) {
                  JsonObject one = new JsonObject();
                  one.addProperty("correct", c.correct());
                  one.addProperty("total", c.total());
                  one.addProperty("accuracy", c.percent());
                  one.add("mistaken_for", mistakes(c));
                  perClass.add(c.name(), one);
                }
                split.add("per_class", perClass);
                splits.add(name, split);
              });
      r.add("splits", splits);
      runArray.add(r);
    }
    json.add("runs", runArray);
    JsonObject summary = new JsonObject();
    for (String method : methods()) {
      JsonObject perScore = new JsonObject();
      summary(method)
          .forEach(
              (score, value) -> {
                JsonObject m = new JsonObject();
                m.addProperty("mean", value.mean());
                m.addProperty("std", value.std());
                m.addProperty("seeds", value.count());
                perScore.add(score, m);
              });
      summary.add(method, perScore);
    }
    json.add("summary", summary);
    return json;
  }

  /** Wrong predictions of a class's videos, most frequent first. */
  static JsonObject mistakes(SplitAccuracy.ClassAccuracy accuracy) {
    JsonObject json = new JsonObject();
    accuracy.mistakenFor().entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> json.addProperty(e.getKey(), e.getValue()));
    return json;
  }

  /** The summary as a Markdown table: one row per method, "mean ± std" (top-1 %) per score. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    int seeds = (int) runs.stream().map(Run::seed).distinct().count();
    md.append(
        String.format(Locale.ROOT, "%s, top-1 %% (mean ± std over %d seeds)%n%n", protocol, seeds));
    md.append("| Method |");
    scoreNames().forEach(s -> md.append(' ').append(columnTitle(s)).append(" |"));
    md.append(System.lineSeparator()).append("|---|");
    scoreNames().forEach(s -> md.append("---:|"));
    md.append(System.lineSeparator());
    for (String method : methods()) {
      md.append("| ").append(method).append(" |");
      summary(method)
          .values()
          .forEach(v -> md.append(String.format(Locale.ROOT, " %.1f ± %.1f |", v.mean(), v.std())));
      md.append(System.lineSeparator());
    }
    return md.toString();
  }

  /**
   * One line of JSON with the mean of every score per method, rounded to 0.01 %: {@code
   * {"frozen":{"base":..,"novel":..,"hm":..},...}}.
   */
  public String summaryLine() {
    JsonObject line = new JsonObject();
    for (String method : methods()) {
      JsonObject scores = new JsonObject();
      summary(method)
          .forEach(
              (score, value) -> scores.addProperty(score, Math.round(value.mean() * 100) / 100.0));
      line.add(method, scores);
    }
    return new Gson().toJson(line);
  }

  /** Writes report.json and report.md into {@code folder} (created if missing). */
  public void write(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(JSON_FILE), GSON.toJson(toJson()), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(MARKDOWN_FILE), markdown(), StandardCharsets.UTF_8);
  }

  private static String columnTitle(String score) {
    return switch (score) {
      case "hm" -> "HM";
      case "base" -> "Base";
      case "novel" -> "Novel";
      default -> score.substring(0, 1).toUpperCase(Locale.ROOT) + score.substring(1);
    };
  }
}
