package dev.froster.engine.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.Subset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Cross-dataset generalisation (froster-method.md, "Evaluation protocols"): every method trains on
 * all classes' training videos of a source dataset (optionally one domain of it, e.g. the synthetic
 * world's domain "a") and is scored zero-shot on a target dataset (or domain, e.g. "b") among the
 * target's classes. Scores: "source" (the source's test videos, the same domain) and "target"
 * (every video of the target domain, none of which was trained on when the domains differ); mean ±
 * std over seeds.
 */
public final class CrossDatasetProtocol {

  private final List<Method> methods;
  private final List<Long> seeds;
  private final Function<Method, FrosterSettings.Builder> recipe;

  public CrossDatasetProtocol(
      List<Method> methods, List<Long> seeds, Function<Method, FrosterSettings.Builder> recipe) {
    if (methods.isEmpty() || seeds.isEmpty()) {
      throw new IllegalArgumentException("need methods and seeds");
    }
    this.methods = List.copyOf(methods);
    this.seeds = List.copyOf(seeds);
    this.recipe = recipe;
  }

  /**
   * Trains on {@code source} ({@code sourceDomain}, null: all) and tests on {@code target} ({@code
   * targetDomain}, null: all); run folders under {@code work}/runs, report files in {@code work}.
   */
  public EvaluationReport run(
      ActionDataset source,
      String sourceDomain,
      ActionDataset target,
      String targetDomain,
      Path teacher,
      Path work,
      Consumer<String> progress)
      throws IOException {
    Map<String, TestSet> tests = new LinkedHashMap<>();
    tests.put(
        "source", new TestSet(source.classes(), source.videos(null, Subset.TEST, sourceDomain)));
    tests.put("target", new TestSet(target.classes(), target.videos(null, null, targetDomain)));
    var training = source.videos(null, Subset.TRAIN, sourceDomain);
    if (training.isEmpty()) {
      throw new IllegalArgumentException(
          "no training videos in " + source.root() + " domain " + sourceDomain);
    }
    List<EvaluationReport.Run> runs = new ArrayList<>();
    for (long seed : seeds) {
      for (Method method : methods) {
        FrosterSettings settings = recipe.apply(method).seed(seed).build();
        String name = MethodLabels.label(method) + "-seed" + seed;
        progress.accept("run " + name + ": training on " + training.size() + " videos");
        EvaluationReport.Run run =
            ProtocolRun.run(
                teacher,
                settings,
                source.classes(),
                training,
                tests,
                work.resolve("runs").resolve(name));
        runs.add(run);
        progress.accept(String.format(Locale.ROOT, "run %s: scores %s", name, run.scores()));
      }
    }
    JsonObject json = new JsonObject();
    json.addProperty("source", source.root().toString());
    json.addProperty("source_domain", String.valueOf(sourceDomain));
    json.addProperty("target", target.root().toString());
    json.addProperty("target_domain", String.valueOf(targetDomain));
    JsonArray seedArray = new JsonArray();
    seeds.forEach(seedArray::add);
    json.add("seeds", seedArray);
    EvaluationReport report = new EvaluationReport("cross-dataset", json, runs);
    report.write(work);
    return report;
  }
}
