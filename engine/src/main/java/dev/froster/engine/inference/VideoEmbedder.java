package dev.froster.engine.inference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.froster.Pooling;
import dev.froster.engine.froster.PromptEnsemble;
import dev.froster.engine.froster.VideoClassifier;
import dev.froster.engine.video.ClipPreprocessing;
import dev.froster.engine.video.VideoDecodingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained model bundle ready to embed the catalogue: video spans become the student's unit video
 * embeddings, free text becomes the unit prompt-ensemble embedding they are compared with by
 * cosine.
 *
 * <p>A span's embedding is the model's clip embedding as it scores clips (froster-method.md,
 * "Scoring a video"): T frames sampled uniformly in the span, CLIP preprocessing, the image tower
 * (with temporal attention when the bundle was trained with it), then, for FROSTER's per-frame
 * logits, the mean of the unit frame features, renormalised: its cosine with a class embedding is
 * the clip's averaged frame logit over exp(logit_scale), up to the clip's own positive factor; for
 * ViFi-CLIP's feature pooling, the mean frame feature, normalised.
 *
 * <p>Calls may run concurrently: each works in its own native memory scope, the model's parameters
 * are only read. {@link #close()} frees the model's native memory.
 */
public final class VideoEmbedder implements AutoCloseable {
  /** Spans run through the model together; bounds memory and keeps the tower's batch useful. */
  private static final int SPANS_PER_BATCH = 4;

  private final NDManager manager;
  private final ClipModel model;
  private final ClipTokenizer tokenizer;
  private final BundleScoring scoring;
  private final VideoClassifier classifier;
  private final ClipPreprocessing preprocessing;
  private final String weightsSha256;

  private VideoEmbedder(NDManager manager, ModelBundle bundle) {
    this.manager = manager;
    this.model = bundle.model();
    // Inference only: no parameter needs a gradient. Otherwise a thread whose autograd is on
    // (PyTorch's grad mode is per thread, and DJL turns it off only in the thread that starts the
    // engine, not in a server's worker threads) records every forward's graph and keeps its
    // activations alive.
    model.getParameters().values().forEach(p -> p.getArray().setRequiresGradient(false));
    this.tokenizer = bundle.tokenizer();
    BundleManifest manifest = bundle.manifest();
    this.scoring =
        BundleScoring.of(manifest.metrics() == null ? java.util.Map.of() : manifest.metrics());
    this.classifier = new VideoClassifier(model, scoring.temporal(), scoring.pooling());
    this.preprocessing = new ClipPreprocessing(model.config().imageResolution());
    this.weightsSha256 = manifest.files().get(manifest.weights());
  }

  /**
   * Loads the bundle at {@code bundleDirectory} onto {@code device}, after checking every file
   * against the manifest's checksums.
   *
   * @throws dev.froster.engine.bundle.BundleException if a file is missing, altered or unusable
   */
  public static VideoEmbedder open(Path bundleDirectory, Device device) throws IOException {
    NDManager manager = NDManager.newBaseManager(device);
    try {
      return new VideoEmbedder(manager, ModelBundle.load(bundleDirectory, manager));
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Whether any of the model's parameters would record gradients (none do after loading). */
  boolean anyParameterRequiresGradient() {
    return model.getParameters().values().stream().anyMatch(p -> p.getArray().hasGradient());
  }

  /** Length of the embeddings. */
  public int dimension() {
    return model.config().embedDim();
  }

  /** Frames sampled per span (the clip length the model was trained with). */
  public int framesPerClip() {
    return scoring.frames();
  }

  /**
   * The model's logit scale {@code exp(logit_scale)}: the factor between cosine similarities and
   * the logits that a softmax over classes turns into probabilities.
   */
  public float logitScale() {
    return (float) Math.exp(model.logitScale().getArray().getFloat());
  }

  /** SHA-256 of the bundle's weights file, as its verified manifest records it. */
  public String weightsSha256() {
    return weightsSha256;
  }

  /** The CLIP transform at the model's resolution (for measuring decoding alone). */
  ClipPreprocessing preprocessing() {
    return preprocessing;
  }

  /** How the model pools frames and whether it attends across them. */
  public BundleScoring scoring() {
    return scoring;
  }

  /**
   * Unit video embeddings of {@code spans} of {@code video}, in the order of {@code spans}, from a
   * single decoding pass.
   *
   * @throws VideoDecodingException if the file is not a readable whole video, or a span reaches
   *     past its last frame
   */
  public List<float[]> embedSegments(Path video, List<TimeSpan> spans)
      throws VideoDecodingException {
    if (spans.isEmpty()) {
      return List.of();
    }
    int frames = framesPerClip();
    int frameSize = 3 * preprocessing.resolution() * preprocessing.resolution();
    float[][] embeddings = new float[spans.size()][];
    List<Integer> batchSpans = new ArrayList<>(SPANS_PER_BATCH);
    List<float[]> batchFrames = new ArrayList<>(SPANS_PER_BATCH);
    SpanFrames.gather(
        video,
        spans,
        frames,
        preprocessing,
        (span, pixels) -> {
          batchSpans.add(span);
          batchFrames.add(pixels);
          if (batchSpans.size() == SPANS_PER_BATCH) {
            embedBatch(batchSpans, batchFrames, frameSize, embeddings);
          }
        });
    if (!batchSpans.isEmpty()) {
      embedBatch(batchSpans, batchFrames, frameSize, embeddings);
    }
    return Arrays.asList(embeddings);
  }

  /** Unit embedding of {@code text} averaged over the method's prompt templates. */
  public float[] embedText(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text to embed must not be empty");
    }
    try (NDManager call = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(call, false);
      PromptEnsemble ensemble = new PromptEnsemble(List.of(text));
      NDArray tokens = classifier.tokens(tokenizer, ensemble.testTexts(), call);
      return classifier
          .classEmbeddings(store, tokens, PromptEnsemble.TEST_PROMPTS, false)
          .get(0)
          .toFloatArray();
    }
  }

  private void embedBatch(
      List<Integer> spans, List<float[]> frames, int frameSize, float[][] embeddings) {
    int clips = spans.size();
    int perClip = framesPerClip();
    int r = preprocessing.resolution();
    float[] batch = new float[clips * perClip * frameSize];
    for (int i = 0; i < clips; i++) {
      System.arraycopy(frames.get(i), 0, batch, i * perClip * frameSize, perClip * frameSize);
    }
    try (NDManager call = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(call, false);
      NDArray videos = call.create(batch, new Shape(clips, perClip, 3, r, r));
      // (B, T, 3, R, R) -> (B, T, D)
      NDArray features = classifier.frameFeatures(store, videos, false);
      // (B, T, D) -> (B, D)
      NDArray pooled =
          scoring.pooling() == Pooling.FRAME_LOGITS
              ? ClipModel.normalise(features).mean(new int[] {1})
              : features.mean(new int[] {1});
      float[] unit = ClipModel.normalise(pooled).toFloatArray();
      int d = dimension();
      for (int i = 0; i < clips; i++) {
        embeddings[spans.get(i)] = Arrays.copyOfRange(unit, i * d, (i + 1) * d);
      }
    }
    spans.clear();
    frames.clear();
  }

  @Override
  public void close() {
    manager.close();
  }
}
