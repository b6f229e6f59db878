package dev.froster.engine.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import dev.froster.engine.synth.VideoEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Base-to-novel generalisation (froster-method.md, "Evaluation protocols"): for every seed, K shots
 * per base class from the training videos; every method trains on them (the frozen baseline does
 * not train) and is scored top-1 on the base classes' test videos among the base classes and on the
 * novel classes' test videos among the novel classes; HM = 2BN / (B + N); mean ± std over seeds.
 */
public final class BaseToNovelProtocol {

  private final List<Method> methods;
  private final int shots;
  private final List<Long> seeds;
  private final Function<Method, FrosterSettings.Builder> recipe;

  /**
   * @param methods the methods to compare, in report order
   * @param shots training videos per base class (K)
   * @param seeds one run per seed (shot draw and training)
   * @param recipe the settings of each method (the seed is set by the protocol)
   */
  public BaseToNovelProtocol(
      List<Method> methods,
      int shots,
      List<Long> seeds,
      Function<Method, FrosterSettings.Builder> recipe) {
    if (methods.isEmpty() || seeds.isEmpty() || shots <= 0) {
      throw new IllegalArgumentException("need methods, seeds and a positive number of shots");
    }
    this.methods = List.copyOf(methods);
    this.shots = shots;
    this.seeds = List.copyOf(seeds);
    this.recipe = recipe;
  }

  /**
   * Runs every method with every seed from {@code teacher}, run folders under {@code work}/runs,
   * writes report.json and report.md into {@code work} and returns the report.
   *
   * @throws IllegalArgumentException before any training if a base class has fewer than K training
   *     videos or a split has no test videos
   */
  public EvaluationReport run(
      ActionDataset data, Path teacher, Path work, Consumer<String> progress) throws IOException {
    Map<String, TestSet> tests = new LinkedHashMap<>();
    tests.put(
        "base",
        new TestSet(
            data.classes(ClassSplit.BASE), data.videos(ClassSplit.BASE, Subset.TEST, null)));
    tests.put(
        "novel",
        new TestSet(
            data.classes(ClassSplit.NOVEL), data.videos(ClassSplit.NOVEL, Subset.TEST, null)));
    Map<Long, List<VideoEntry>> shotsBySeed = new LinkedHashMap<>();
    for (long seed : seeds) {
      shotsBySeed.put(seed, data.shots(shots, null, seed)); // checked for every seed up front
    }
    List<EvaluationReport.Run> runs = new ArrayList<>();
    for (long seed : seeds) {
      for (Method method : methods) {
        FrosterSettings settings = recipe.apply(method).seed(seed).build();
        String name = MethodLabels.label(method) + "-seed" + seed;
        progress.accept(
            "run " + name + ": training on " + shotsBySeed.get(seed).size() + " videos");
        long started = System.nanoTime();
        EvaluationReport.Run run =
            ProtocolRun.run(
                teacher,
                settings,
                data.classes(ClassSplit.BASE),
                shotsBySeed.get(seed),
                tests,
                work.resolve("runs").resolve(name));
        runs.add(run);
        progress.accept(
            String.format(
                java.util.Locale.ROOT,
                "run %s: %d steps, scores %s (%.0f s)",
                name,
                run.steps(),
                run.scores(),
                (System.nanoTime() - started) / 1e9));
      }
    }
    EvaluationReport report = new EvaluationReport("base-to-novel", settingsJson(data), runs);
    report.write(work);
    return report;
  }

  private JsonObject settingsJson(ActionDataset data) {
    JsonObject json = new JsonObject();
    json.addProperty("dataset", data.root().toString());
    json.addProperty("shots_per_base_class", shots);
    JsonArray seedArray = new JsonArray();
    seeds.forEach(seedArray::add);
    json.add("seeds", seedArray);
    JsonObject perMethod = new JsonObject();
    for (Method method : methods) {
      perMethod.add(MethodLabels.label(method), recipe.apply(method).build().toJson());
    }
    json.add("methods", perMethod);
    return json;
  }
}
