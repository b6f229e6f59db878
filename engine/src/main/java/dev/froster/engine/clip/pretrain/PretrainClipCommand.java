package dev.froster.engine.clip.pretrain;

import dev.froster.engine.training.MetricsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster pretrain-clip}: trains the project's own small CLIP teacher, BPE vocabulary
 * included, on the captioned images of a dataset folder and writes it as a model bundle.
 *
 * <p>Exit codes: 0 done, 1 the run failed (e.g. a bad data folder, named in the message), 2 bad
 * arguments.
 */
@Command(
    name = "pretrain-clip",
    mixinStandardHelpOptions = true,
    description = {
      "Pretrains a tiny CLIP (its own BPE vocabulary included) contrastively on the captioned"
          + " images (images.tsv) of a dataset folder and writes a model bundle.",
      "Reports retrieval accuracy on held-out images in the bundle's metrics."
    })
public final class PretrainClipCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DATASET_DIR",
      description = "Dataset folder with images.tsv (e.g. made by froster synth).")
  private Path data;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "BUNDLE_DIR",
      description = "The bundle folder to create (must not exist).")
  private Path output;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "Optimiser steps (default: 3000; --quick: 300).")
  private Integer steps;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Images per step (default: 64; --quick: 32).")
  private Integer batch;

  @Option(names = "--seed", description = "Random seed (default: 7).")
  private Long seed;

  @Option(
      names = "--vocab-size",
      paramLabel = "N",
      description = "Most ids of the learned BPE vocabulary, at least 514 (default: 1024).")
  private Integer vocabularySize;

  @Option(
      names = "--metrics-csv",
      paramLabel = "FILE",
      description = "Also write step, loss, learning rate, gradient norm and scale per step here.")
  private Path metricsCsv;

  @Option(names = "--quick", description = "A short run: a few minutes on two cores.")
  private boolean quick;

  /** Runs the command as the CLI dispatches it; returns the exit code. */
  public static int run(String[] args) {
    return new CommandLine(new PretrainClipCommand()).execute(args);
  }

  @Override
  public Integer call() {
    PrintWriter err = new PrintWriter(System.err, true);
    PretrainSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("froster pretrain-clip: " + e.getMessage());
      return 2;
    }
    long every = Math.max(1, settings.steps() / 20);
    try (MetricsWriter csv =
        metricsCsv == null
            ? null
            : MetricsWriter.create(
                metricsCsv, List.of("step", "loss", "learning_rate", "gradient_norm", "scale"))) {
      ClipPretraining.Outcome outcome =
          new ClipPretraining(settings)
              .run(
                  data,
                  output,
                  (step, loss, learningRate, norm, scale) -> {
                    if (csv != null) {
                      try {
                        csv.row(step, loss, learningRate, norm, scale);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }
                    if (step % every == 0 || step == settings.steps() - 1) {
                      System.out.printf(
                          Locale.ROOT,
                          "step %d/%d  loss %.4f  lr %.2e  grad norm %.3f  scale %.1f%n",
                          step + 1,
                          settings.steps(),
                          loss,
                          learningRate,
                          norm,
                          scale);
                    }
                  });
      System.out.println("wrote bundle " + output.toAbsolutePath().normalize());
      outcome
          .manifest()
          .metrics()
          .forEach((name, value) -> System.out.printf(Locale.ROOT, "  %s = %.4f%n", name, value));
      return 0;
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      err.println("froster pretrain-clip: " + cause.getMessage());
      return 1;
    }
  }

  private PretrainSettings settings() {
    PretrainSettings settings = quick ? PretrainSettings.quick() : PretrainSettings.defaults();
    if (steps != null) {
      settings = settings.withSteps(steps);
    }
    if (batch != null) {
      settings = settings.withBatchSize(batch);
    }
    if (seed != null) {
      settings = settings.withSeed(seed);
    }
    if (vocabularySize != null) {
      if (vocabularySize < dev.froster.engine.clip.tokenizer.BpeTrainer.BASE_VOCABULARY) {
        throw new IllegalArgumentException(
            "--vocab-size must be at least "
                + dev.froster.engine.clip.tokenizer.BpeTrainer.BASE_VOCABULARY
                + ", was "
                + vocabularySize);
      }
      settings = settings.withVocabularySize(vocabularySize);
    }
    return settings;
  }
}
