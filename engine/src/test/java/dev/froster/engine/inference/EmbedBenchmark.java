package dev.froster.engine.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.TinyModels;
import dev.froster.engine.video.ClipPreprocessing;
import dev.froster.engine.video.segment.SegmentationSettings;
import dev.froster.engine.video.segment.SegmentedVideo;
import dev.froster.engine.video.segment.VideoSegmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Segments embedded per second, split into segmentation, decode + preprocessing and model, for a
 * tiny bundle and a ViT-B/16-size bundle with random weights (timing only: the weights' values do
 * not change the work). Not a test: a main run by bench/decode/run.sh.
 *
 * <p>Arguments: work folder, video file, max segments for ViT-B/16.
 */
public final class EmbedBenchmark {
  private EmbedBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args[0]));
    Path video = Path.of(args[1]);
    int vitSegments = Integer.parseInt(args[2]);
    Engine.getInstance();
    long start = System.nanoTime();
    SegmentedVideo segmented = VideoSegmenter.segment(video, SegmentationSettings.defaults());
    double segmentSeconds = (System.nanoTime() - start) / 1e9;
    List<TimeSpan> spans =
        segmented.segments().stream()
            .map(s -> new TimeSpan(s.startMillis(), s.endMillis()))
            .toList();
    System.out.printf(
        Locale.ROOT,
        "segmentation %s: %d segments in %.2f s (%.1f segments/s, %.1f s of video/s)%n",
        video.getFileName(),
        spans.size(),
        segmentSeconds,
        spans.size() / segmentSeconds,
        segmented.facts().durationSeconds() / segmentSeconds);
    run("tiny", bundle(work.resolve("tiny"), TinyModels.config()), video, spans);
    run(
        "vit-b16 (random weights)",
        bundle(work.resolve("vitb16"), ClipConfig.vitB16()),
        video,
        spans.subList(0, Math.min(vitSegments, spans.size())));
  }

  private static Path bundle(Path target, ClipConfig config) throws Exception {
    if (ModelBundle.isBundle(target)) {
      return target;
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = new ClipModel(config).initializeRandom(manager);
      Path vocab = Files.createDirectories(target.resolveSibling(target.getFileName() + "-vocab"));
      ModelBundle.write(
          target,
          model,
          TinyModels.tokenizer(vocab),
          new BundleManifest.Provenance("bench", "random", "00", null, "EmbedBenchmark"),
          Map.of(BundleScoring.TEMPORAL_METRIC, 1.0, BundleScoring.FRAMES_METRIC, 8.0));
    }
    return target;
  }

  private static void run(String name, Path bundle, Path video, List<TimeSpan> spans)
      throws Exception {
    try (VideoEmbedder embedder = VideoEmbedder.open(bundle, Device.cpu())) {
      embedder.embedSegments(video, spans.subList(0, 1)); // warm-up
      ClipPreprocessing preprocessing = embedder.preprocessing();
      long start = System.nanoTime();
      SpanFrames.gather(video, spans, embedder.framesPerClip(), preprocessing, (s, f) -> {});
      double decode = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      embedder.embedSegments(video, spans);
      double total = (System.nanoTime() - start) / 1e9;
      double model = Math.max(0, total - decode);
      System.out.printf(
          Locale.ROOT,
          "embed %s: %d segments x %d frames in %.2f s = %.2f segments/s"
              + " (decode+preprocess %.2f s, model %.2f s = %.3f s/segment)%n",
          name,
          spans.size(),
          embedder.framesPerClip(),
          total,
          spans.size() / total,
          decode,
          model,
          model / spans.size());
    }
  }
}
