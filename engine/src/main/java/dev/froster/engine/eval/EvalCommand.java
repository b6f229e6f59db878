package dev.froster.engine.eval;

import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.froster.VideoClassifier;
import dev.froster.engine.inference.BundleScoring;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster eval}: zero-shot top-1 accuracy of a model bundle on the test videos of a dataset
 * (base, novel or all classes, optionally one domain); prints it and writes a JSON report. A bundle
 * written by {@code froster train} is scored as it was trained (temporal attention, pooling, frames
 * and stride from its metrics); any other bundle as frame-wise CLIP.
 *
 * <p>Exit codes: 0 done, 1 the evaluation failed (named in the message), 2 bad arguments.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {"Scores a model bundle zero-shot on a dataset's test videos (top-1 %%)."})
public final class EvalCommand implements Callable<Integer> {

  /** Which classes are scored, each among its own vocabulary. */
  enum Split {
    base,
    novel,
    all
  }

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DATASET",
      description = "Dataset folder.")
  private Path data;

  @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Model bundle.")
  private Path model;

  @Option(
      names = "--split",
      description = "base, novel or all classes (default: ${DEFAULT-VALUE}).")
  private Split split = Split.all;

  @Option(names = "--domain", paramLabel = "D", description = "Only videos of this domain.")
  private String domain;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "JSON report to write (default: ${DEFAULT-VALUE}).")
  private Path report = Path.of("eval-report.json");

  @Override
  public Integer call() throws IOException {
    ActionDataset dataset = ActionDatasetReader.read(data);
    ClassSplit classSplit =
        switch (split) {
          case base -> ClassSplit.BASE;
          case novel -> ClassSplit.NOVEL;
          case all -> null;
        };
    List<ActionClass> vocabulary =
        classSplit == null ? dataset.classes() : dataset.classes(classSplit);
    if (domain != null && !dataset.domains().contains(domain)) {
      throw new IllegalArgumentException(
          "--domain " + domain + " is not in " + data + " (domains: " + dataset.domains() + ")");
    }
    TestSet test = new TestSet(vocabulary, dataset.videos(classSplit, Subset.TEST, domain));
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelBundle bundle = ModelBundle.load(model, manager);
      FrosterSettings settings = settingsOf(bundle.manifest().metrics());
      VideoClassifier classifier =
          new VideoClassifier(bundle.model(), settings.temporal(), settings.pooling());
      SplitAccuracy accuracy =
          new ZeroShotEvaluator(bundle.tokenizer(), MethodTraining.clips(settings, bundle, false))
              .evaluate(classifier, test.vocabulary(), test.videos(), manager);
      JsonObject json = new JsonObject();
      json.addProperty("model", model.toAbsolutePath().normalize().toString());
      json.addProperty("data", dataset.root().toString());
      json.addProperty("split", split.name());
      json.addProperty("domain", domain == null ? "all" : domain);
      json.addProperty("accuracy", accuracy.percent());
      json.addProperty("correct", accuracy.correct());
      json.addProperty("total", accuracy.total());
      JsonObject perClass = new JsonObject();
      accuracy.perClass().forEach(c -> perClass.addProperty(c.name(), c.percent()));
      json.add("per_class", perClass);
      JsonObject mistakes = new JsonObject();
      accuracy.perClass().forEach(c -> mistakes.add(c.name(), EvaluationReport.mistakes(c)));
      json.add("mistaken_for", mistakes);
      Path parent = report.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          report,
          new GsonBuilder().setPrettyPrinting().create().toJson(json),
          StandardCharsets.UTF_8);
      System.out.printf(
          Locale.ROOT,
          "top-1 %.2f %% (%d of %d %s test videos%s); report %s%n",
          accuracy.percent(),
          accuracy.correct(),
          accuracy.total(),
          split.name(),
          domain == null ? "" : " in domain " + domain,
          report.toAbsolutePath().normalize());
    }
    return 0;
  }

  /** Scoring settings of a bundle: as trained by froster train, else frame-wise CLIP. */
  static FrosterSettings settingsOf(Map<String, Double> metrics) {
    BundleScoring scoring = BundleScoring.of(metrics);
    FrosterSettings.Builder builder =
        FrosterSettings.builder(Method.FROZEN_CLIP)
            .temporal(scoring.temporal())
            .pooling(scoring.pooling())
            .frames(scoring.frames())
            .frameStride(Recipes.FRAME_STRIDE);
    if (metrics.containsKey(TrainCommand.STRIDE_METRIC)) {
      builder.frameStride(metrics.get(TrainCommand.STRIDE_METRIC).intValue());
    }
    return builder.build();
  }
}
