package dev.froster.engine.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.froster.engine.bundle.BundleException;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.TinyModels;
import dev.froster.engine.froster.Pooling;
import dev.froster.engine.froster.PromptEnsemble;
import dev.froster.engine.froster.VideoClassifier;
import dev.froster.engine.video.ClipPreprocessing;
import dev.froster.engine.video.FrameSampler;
import dev.froster.engine.video.TestVideos;
import dev.froster.engine.video.VideoDecodingException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoEmbedderTest {
  private static final int FRAMES = 30;
  private static final double FPS = 10;
  private static final List<String> CLASSES =
      List.of("jumping: a person jumps up", "waving: a hand waves", "rolling: a ball rolls");

  @TempDir static Path dir;
  private static Path video;
  private static Path froster;
  private static Path vifi;
  private static int engineThreads;

  /** Every frame different: colour drifts, a square moves. */
  private static BufferedImage frame(int i) {
    return TestVideos.scene(64, 48, new Color(20 + 7 * i, 200 - 5 * i, 60 + 3 * i), 3 * i);
  }

  @BeforeAll
  static void writeBundlesAndVideo() throws IOException {
    ai.djl.engine.Engine.getInstance(); // loads libtorch, which the thread calls need
    engineThreads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    video =
        TestVideos.write(
            dir.resolve("clip.mp4"),
            TestVideos.Recipe.of("mp4", avcodec.AV_CODEC_ID_H264, 64, 48, FPS, FRAMES),
            VideoEmbedderTest::frame);
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      var tokenizer = TinyModels.tokenizer(Files.createDirectories(dir.resolve("vocab")));
      var provenance = new BundleManifest.Provenance("test", "random", "00", null, "test");
      froster = dir.resolve("froster-bundle");
      ModelBundle.write(
          froster,
          model,
          tokenizer,
          provenance,
          Map.of(BundleScoring.TEMPORAL_METRIC, 1.0, BundleScoring.FRAMES_METRIC, 8.0));
      vifi = dir.resolve("vifi-bundle");
      ModelBundle.write(
          vifi,
          model,
          tokenizer,
          provenance,
          Map.of(BundleScoring.FEATURE_MEAN_METRIC, 1.0, BundleScoring.FRAMES_METRIC, 4.0));
    }
  }

  @AfterAll
  static void restoreThreads() {
    JniUtils.setNumThreads(engineThreads);
  }

  @Test
  void describesItsBundle() throws Exception {
    try (VideoEmbedder embedder = VideoEmbedder.open(froster, Device.cpu())) {
      assertEquals(TinyModels.config().embedDim(), embedder.dimension());
      assertEquals(8, embedder.framesPerClip());
      assertTrue(embedder.scoring().temporal());
      assertEquals(Pooling.FRAME_LOGITS, embedder.scoring().pooling());
      byte[] weights = Files.readAllBytes(froster.resolve(ModelBundle.WEIGHTS));
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
      assertEquals(sha, embedder.weightsSha256());
    }
  }

  @Test
  void loadsForInferenceWithoutGradients() throws Exception {
    // A server embeds in worker threads whose autograd is on: parameters that require gradients
    // would make every forward keep its graph.
    try (VideoEmbedder embedder = VideoEmbedder.open(froster, Device.cpu())) {
      assertFalse(embedder.anyParameterRequiresGradient());
    }
  }

  @Test
  void embeddingsAreUnitVectorsInSpanOrder() throws IOException {
    TimeSpan first = new TimeSpan(0, 2000);
    TimeSpan second = new TimeSpan(1000, 3000);
    TimeSpan third = new TimeSpan(2500, 3000);
    try (VideoEmbedder embedder = VideoEmbedder.open(froster, Device.cpu())) {
      List<float[]> forward = embedder.embedSegments(video, List.of(first, second, third));
      List<float[]> backward = embedder.embedSegments(video, List.of(third, second, first));
      assertEquals(3, forward.size());
      for (int i = 0; i < 3; i++) {
        assertEquals(embedder.dimension(), forward.get(i).length);
        assertEquals(1.0, norm(forward.get(i)), 1e-5, "span " + i);
        assertArrayEquals(forward.get(i), backward.get(2 - i), 1e-6f, "span " + i);
      }
      assertFalse(Arrays.equals(forward.get(0), forward.get(1)), "different spans, same vector");
      assertTrue(cosine(forward.get(0), forward.get(1)) < 0.99999, "spans look identical");
    }
  }

  @Test
  void theSameFramesGiveTheEngineClassifiersEmbedding() throws IOException {
    // 10 fps: span [0, 3000) samples frames uniformIndices(30, 8), span [1000, 2000) frames
    // 10 + uniformIndices(10, 8)
    assertMatchesClassifier(froster, new TimeSpan(0, 3000), FrameSampler.uniformIndices(30, 8));
    int[] middle = Arrays.stream(FrameSampler.uniformIndices(10, 8)).map(i -> i + 10).toArray();
    assertMatchesClassifier(froster, new TimeSpan(1000, 2000), middle);
    assertMatchesClassifier(vifi, new TimeSpan(0, 3000), FrameSampler.uniformIndices(30, 4));
  }

  private static void assertMatchesClassifier(Path bundleDir, TimeSpan span, int[] frameNumbers)
      throws IOException {
    float[] embedded;
    try (VideoEmbedder embedder = VideoEmbedder.open(bundleDir, Device.cpu())) {
      embedded = embedder.embedSegments(video, List.of(span)).get(0);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelBundle bundle = ModelBundle.load(bundleDir, manager);
      BundleScoring scoring = BundleScoring.of(bundle.manifest().metrics());
      VideoClassifier classifier =
          new VideoClassifier(bundle.model(), scoring.temporal(), scoring.pooling());
      int r = bundle.model().config().imageResolution();
      NDArray clip =
          new ClipPreprocessing(r)
              .batch(manager, FrameSampler.frames(video, frameNumbers))
              .reshape(new Shape(1, frameNumbers.length, 3, r, r));
      ParameterStore store = new ParameterStore(manager, false);
      NDArray features = classifier.frameFeatures(store, clip, false);
      NDArray pooled =
          scoring.pooling() == Pooling.FRAME_LOGITS
              ? ClipModel.normalise(features).mean(new int[] {1})
              : features.mean(new int[] {1});
      float[] expected = ClipModel.normalise(pooled).toFloatArray();
      assertArrayEquals(expected, embedded, 1e-5f, "embedding of " + span);

      // Ranking by cosine with the embedding is ranking by the classifier's own logits.
      PromptEnsemble ensemble = new PromptEnsemble(CLASSES);
      NDArray classes =
          classifier.classEmbeddings(
              store,
              classifier.tokens(bundle.tokenizer(), ensemble.testTexts(), manager),
              PromptEnsemble.TEST_PROMPTS,
              false);
      float[] logits = classifier.logits(store, features, classes, false).toFloatArray();
      float[] cosines = manager.create(embedded).matMul(classes.transpose()).toFloatArray();
      double ratio = logits[0] / cosines[0];
      for (int c = 1; c < CLASSES.size(); c++) {
        assertEquals(ratio, logits[c] / cosines[c], Math.abs(ratio) * 1e-4, "class " + c);
      }
    }
  }

  @Test
  void concurrentCallsGiveTheSerialResults() throws Exception {
    List<TimeSpan> spans = new ArrayList<>();
    for (long start = 0; start < 3000; start += 500) {
      spans.add(new TimeSpan(start, Math.min(start + 1000, 3000)));
    }
    try (VideoEmbedder embedder = VideoEmbedder.open(froster, Device.cpu())) {
      List<float[]> serial = embedder.embedSegments(video, spans);
      float[] text = embedder.embedText(CLASSES.get(1));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<List<float[]>>> videos = new ArrayList<>();
        List<Future<float[]>> texts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          videos.add(pool.submit(() -> embedder.embedSegments(video, spans)));
          texts.add(pool.submit(() -> embedder.embedText(CLASSES.get(1))));
        }
        for (Future<List<float[]>> result : videos) {
          List<float[]> concurrent = result.get();
          for (int i = 0; i < spans.size(); i++) {
            assertArrayEquals(serial.get(i), concurrent.get(i), 1e-6f, "span " + i);
          }
        }
        for (Future<float[]> result : texts) {
          assertArrayEquals(text, result.get(), 1e-6f);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void textEmbeddingIsThePromptEnsembleClassEmbedding() throws IOException {
    try (VideoEmbedder embedder = VideoEmbedder.open(froster, Device.cpu());
        NDManager manager = NDManager.newBaseManager()) {
      ModelBundle bundle = ModelBundle.load(froster, manager);
      VideoClassifier classifier = new VideoClassifier(bundle.model(), true, Pooling.FRAME_LOGITS);
      PromptEnsemble ensemble = new PromptEnsemble(CLASSES);
      float[] classes =
          classifier
              .classEmbeddings(
                  new ParameterStore(manager, false),
                  classifier.tokens(bundle.tokenizer(), ensemble.testTexts(), manager),
                  PromptEnsemble.TEST_PROMPTS,
                  false)
              .toFloatArray();
      int d = embedder.dimension();
      for (int c = 0; c < CLASSES.size(); c++) {
        float[] text = embedder.embedText(CLASSES.get(c));
        assertEquals(1.0, norm(text), 1e-5);
        assertArrayEquals(
            Arrays.copyOfRange(classes, c * d, (c + 1) * d), text, 1e-5f, CLASSES.get(c));
      }
      assertThrows(IllegalArgumentException.class, () -> embedder.embedText(" "));
    }
  }

  @Test
  void aBundleWithATamperedWeightFileIsRefused() throws IOException {
    Path tampered = dir.resolve("tampered");
    try (var files = Files.walk(froster)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, tampered.resolve(froster.relativize(file).toString()));
      }
    }
    Path weights = tampered.resolve(ModelBundle.WEIGHTS);
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length - 3] ^= 0x40;
    Files.write(weights, bytes);
    BundleException e =
        assertThrows(BundleException.class, () -> VideoEmbedder.open(tampered, Device.cpu()));
    assertEquals(weights, e.file());
    assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
  }

  @Test
  void badVideosAndSpansPastTheEndAreRefused() throws IOException {
    try (VideoEmbedder embedder = VideoEmbedder.open(froster, Device.cpu())) {
      Path text = Files.writeString(dir.resolve("notes.mp4"), "no video\n".repeat(50));
      VideoDecodingException notVideo =
          assertThrows(
              VideoDecodingException.class,
              () -> embedder.embedSegments(text, List.of(new TimeSpan(0, 1000))));
      assertTrue(notVideo.getMessage().contains("notes.mp4"), notVideo.getMessage());
      VideoDecodingException pastEnd =
          assertThrows(
              VideoDecodingException.class,
              () -> embedder.embedSegments(video, List.of(new TimeSpan(2000, 9000))));
      assertTrue(pastEnd.getMessage().contains("past the last frame"), pastEnd.getMessage());
      assertTrue(embedder.embedSegments(video, List.of()).isEmpty());
    }
  }

  private static double norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot / norm(a) / norm(b);
  }
}
