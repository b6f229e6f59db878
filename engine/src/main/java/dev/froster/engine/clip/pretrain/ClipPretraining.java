package dev.froster.engine.clip.pretrain;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.bundle.Sha256;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.tokenizer.BpeTrainer;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.synth.CaptionVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole pretraining of the project's teacher CLIP, from a dataset folder to a model bundle:
 * read and decode the captioned images, learn a BPE vocabulary from the training captions, train
 * contrastively, measure retrieval on held-out and training images and which attributes of the
 * training images the model sees (the swapped-caption probe), write the bundle (weights, tokenizer,
 * provenance, metrics) atomically.
 */
public final class ClipPretraining {
  /** Training images retrieval is measured on (a fixed prefix, to bound the time it takes). */
  static final int TRAINING_RETRIEVAL_IMAGES = 512;

  private final PretrainSettings settings;

  public ClipPretraining(PretrainSettings settings) {
    this.settings = settings;
  }

  /**
   * The result of a run.
   *
   * @param manifest the written bundle's manifest
   * @param heldOut retrieval on held-out images (null when none are held out)
   * @param training retrieval on (up to 512) training images
   * @param attributes the swapped-caption probe per attribute family on the same training images
   *     (families the captions do not name are left out)
   */
  public record Outcome(
      BundleManifest manifest,
      RetrievalAccuracy heldOut,
      RetrievalAccuracy training,
      Map<String, SwappedCaptionProbe.Result> attributes) {}

  /**
   * Pretrains on the dataset in {@code dataFolder} and writes the bundle {@code output} (which must
   * not exist); nothing is written when anything fails.
   */
  public Outcome run(Path dataFolder, Path output, ClipPretrainer.StepListener listener)
      throws IOException {
    if (Files.exists(output)) {
      throw new IOException(output + ": already exists; a bundle is never overwritten");
    }
    CaptionedStills data =
        CaptionedStills.read(dataFolder, settings.heldOutFraction(), settings.seed());
    BpeTrainer.LearnedVocabulary vocabulary =
        BpeTrainer.learn(data.trainingCaptions(), settings.vocabularySize());
    Path tokenizerFolder = Files.createTempDirectory("froster-bpe-");
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipTokenizer tokenizer = vocabulary.writeTo(tokenizerFolder);
      double[] lossSum = new double[1];
      long[] counted = new long[1];
      long tail = Math.max(1, settings.steps() / 10);
      long started = System.nanoTime();
      ClipPretrainer pretrainer = new ClipPretrainer(settings);
      ClipModel model =
          pretrainer.train(
              data,
              tokenizer,
              manager,
              (step, loss, learningRate, norm, scale) -> {
                if (step >= settings.steps() - tail && Double.isFinite(loss)) {
                  lossSum[0] += loss;
                  counted[0]++;
                }
                listener.afterStep(step, loss, learningRate, norm, scale);
              });
      double seconds = (System.nanoTime() - started) / 1e9;
      RetrievalAccuracy heldOut =
          data.heldOut().isEmpty()
              ? null
              : RetrievalAccuracy.measure(model, tokenizer, data.heldOut(), manager);
      List<CaptionedStills.Still> trainingSample =
          data.training().subList(0, Math.min(TRAINING_RETRIEVAL_IMAGES, data.training().size()));
      RetrievalAccuracy training =
          RetrievalAccuracy.measure(model, tokenizer, trainingSample, manager);
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (counted[0] > 0) {
        metrics.put("final_loss", lossSum[0] / counted[0]);
      }
      metrics.put("train_seconds", seconds);
      metrics.put("steps_per_second", settings.steps() / seconds);
      metrics.put("logit_scale", Math.exp(model.logitScale().getArray().getFloat()));
      metrics.put("parameters", (double) ClipParameters.count(model.config()));
      metrics.put("training_images", (double) data.training().size());
      metrics.put("vocabulary_size", (double) tokenizer.vocabularySize());
      putRetrieval(metrics, "train", training);
      if (heldOut != null) {
        putRetrieval(metrics, "heldout", heldOut);
      }
      Map<String, SwappedCaptionProbe.Result> attributes =
          new SwappedCaptionProbe(CaptionVocabulary.attributeFamilies())
              .measure(model, tokenizer, trainingSample, manager);
      attributes.forEach(
          (family, result) -> {
            metrics.put("train_swapped_" + family + "_accuracy", result.accuracy());
            metrics.put("train_swapped_" + family + "_chance", result.chance());
          });
      BundleManifest manifest =
          ModelBundle.write(output, model, tokenizer, provenance(data), metrics);
      return new Outcome(manifest, heldOut, training, attributes);
    } finally {
      deleteTree(tokenizerFolder);
    }
  }

  private static void putRetrieval(
      Map<String, Double> metrics, String prefix, RetrievalAccuracy accuracy) {
    metrics.put(prefix + "_images", (double) accuracy.count());
    metrics.put(prefix + "_image_to_text_accuracy", accuracy.imageToText());
    metrics.put(prefix + "_text_to_image_accuracy", accuracy.textToImage());
    metrics.put(prefix + "_retrieval_chance", accuracy.chance());
  }

  /**
   * The dataset's image index (its checksum) and every setting of the run, so that the run can be
   * repeated: the bundle's provenance has no structured field for settings, so they are spelled out
   * in {@code createdBy}.
   */
  private BundleManifest.Provenance provenance(CaptionedStills data) throws IOException {
    Path index = data.root().resolve("images.tsv");
    Path datasetManifest = data.root().resolve("manifest.json");
    String dataset =
        Files.isRegularFile(datasetManifest)
            ? ", dataset manifest sha256 " + Sha256.of(datasetManifest)
            : "";
    TinyClipArchitecture a = settings.architecture();
    String createdBy =
        String.format(
            Locale.ROOT,
            "froster pretrain-clip: seed %d, steps %d, batch %d, vocabulary size at most %d,"
                + " learning rate %g, warm-up %d, weight decay %g, gradient norm %g, held out %g,"
                + " min crop scale %g; architecture resolution %d patch %d vision %dx%d embed %d"
                + " text %dx%d context %d%s",
            settings.seed(),
            settings.steps(),
            settings.batchSize(),
            settings.vocabularySize(),
            settings.learningRate(),
            settings.warmupSteps(),
            settings.weightDecay(),
            settings.maxGradientNorm(),
            settings.heldOutFraction(),
            settings.minCropScale(),
            a.imageResolution(),
            a.patchSize(),
            a.visionWidth(),
            a.visionLayers(),
            a.embedDim(),
            a.textWidth(),
            a.textLayers(),
            a.contextLength(),
            dataset);
    return new BundleManifest.Provenance(
        data.root().toString(), "froster-dataset/images.tsv", Sha256.of(index), null, createdBy);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
