package dev.froster.engine.demo;

import ai.djl.Device;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.froster.engine.demo.SearchEvaluation.ModelResult;
import dev.froster.engine.demo.SearchEvaluation.QueryResult;
import dev.froster.engine.demo.SearchEvaluation.Wording;
import dev.froster.engine.inference.VideoEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster eval-search}: scores free-text search of a model over a demo catalogue (see {@link
 * SearchEvaluation}); with {@code --teacher}, the teacher alone (zero-shot) as a comparison. Prints
 * a table per model and, last, one line with a JSON object of every figure.
 *
 * <p>Exit codes: 0 done, 1 the catalogue or a bundle is unusable (named in the message), 2 bad
 * arguments.
 */
@Command(
    name = "eval-search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches a demo catalogue for each of its actions (by label, and by 'label: description')"
          + " and reports top-1 accuracy and recall@10 against its moments.tsv."
    })
public final class EvalSearchCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model bundle.")
  private Path model;

  @Option(
      names = "--catalogue",
      required = true,
      paramLabel = "DIR",
      description = "Demo catalogue (froster demo-catalogue).")
  private Path catalogue;

  @Option(
      names = "--teacher",
      paramLabel = "DIR",
      description = "The model's teacher bundle, evaluated zero-shot for comparison (optional).")
  private Path teacher;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    SearchEvaluation evaluation = SearchEvaluation.prepare(catalogue);
    System.out.printf(
        Locale.ROOT,
        "%d segments in %s, %d actions%n",
        evaluation.segments().size(),
        catalogue,
        evaluation.vocabulary().size());
    List<ModelResult> results = new ArrayList<>();
    results.add(evaluate("model", model, evaluation));
    if (teacher != null) {
      results.add(evaluate("teacher (zero-shot)", teacher, evaluation));
    }
    for (ModelResult result : results) {
      System.out.print(table(result));
    }
    System.out.println(json(evaluation, results, (System.nanoTime() - started) / 1e9).toString());
    return 0;
  }

  private static ModelResult evaluate(String name, Path bundle, SearchEvaluation evaluation)
      throws IOException {
    try (VideoEmbedder embedder = VideoEmbedder.open(bundle, Device.cpu())) {
      return evaluation.evaluate(name, embedder);
    }
  }

  /** The per-query table of one model, with its means as the last row. */
  static String table(ModelResult result) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%n%s (weights %s)%n%-36s %8s %8s %12s %12s%n",
            result.model(),
            result.weightsSha256().substring(0, 12),
            "query",
            "top-1",
            "R@10",
            "top-1 +desc",
            "R@10 +desc"));
    List<QueryResult> byLabel =
        result.queries().stream().filter(q -> q.wording() == Wording.LABEL).toList();
    List<QueryResult> byDescription =
        result.queries().stream().filter(q -> q.wording() == Wording.LABEL_DESCRIPTION).toList();
    for (int i = 0; i < byLabel.size(); i++) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-36s %8.0f %8.2f %12.0f %12.2f%n",
              byLabel.get(i).label(),
              byLabel.get(i).figures().top1(),
              byLabel.get(i).figures().recallAt10(),
              byDescription.get(i).figures().top1(),
              byDescription.get(i).figures().recallAt10()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%-36s %8.3f %8.3f %12.3f %12.3f%n",
            "mean",
            result.meanTop1(Wording.LABEL),
            result.meanRecallAt10(Wording.LABEL),
            result.meanTop1(Wording.LABEL_DESCRIPTION),
            result.meanRecallAt10(Wording.LABEL_DESCRIPTION)));
    return out.toString();
  }

  static JsonObject json(SearchEvaluation evaluation, List<ModelResult> results, double seconds) {
    JsonObject root = new JsonObject();
    root.addProperty("segments", evaluation.segments().size());
    root.addProperty("actions", evaluation.vocabulary().size());
    root.addProperty("seconds", Math.round(seconds * 10) / 10.0);
    JsonArray models = new JsonArray();
    for (ModelResult result : results) {
      JsonObject m = new JsonObject();
      m.addProperty("model", result.model());
      m.addProperty("weights_sha256", result.weightsSha256());
      for (Wording wording : Wording.values()) {
        JsonObject figures = new JsonObject();
        figures.addProperty("top1", round(result.meanTop1(wording)));
        figures.addProperty("recall_at_10", round(result.meanRecallAt10(wording)));
        m.add(wording == Wording.LABEL ? "label" : "label_description", figures);
      }
      models.add(m);
    }
    root.add("models", models);
    return root;
  }

  private static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }
}
