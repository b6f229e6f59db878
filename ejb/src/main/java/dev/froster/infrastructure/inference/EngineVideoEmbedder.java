package dev.froster.infrastructure.inference;

import ai.djl.Device;
import dev.froster.engine.bundle.BundleException;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.inference.TimeSpan;
import dev.froster.engine.inference.VideoEmbedder;
import dev.froster.engine.video.VideoDecodingException;
import dev.froster.engine.video.VideoFacts;
import dev.froster.engine.video.VideoProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one class of the application that calls the engine's model code: opens a bundle, embeds time
 * spans of a video as the model scores clips (frames per clip, temporal attention and pooling as
 * the bundle was trained), embeds query text with the method's prompt ensemble.
 */
public final class EngineVideoEmbedder implements AutoCloseable {

  private final VideoEmbedder embedder;

  private EngineVideoEmbedder(VideoEmbedder embedder) {
    this.embedder = embedder;
  }

  /**
   * Loads the bundle after verifying its checksums.
   *
   * @throws IOException (a {@link BundleException}) naming the wrong or mismatched file
   */
  public static EngineVideoEmbedder open(Path bundleDirectory, Device device) throws IOException {
    return new EngineVideoEmbedder(VideoEmbedder.open(bundleDirectory, device));
  }

  /** Dimension and weights checksum from the manifest, without loading weights. */
  public static BundleFacts readFacts(Path bundleDirectory) throws BundleException {
    BundleManifest manifest = ModelBundle.readManifest(bundleDirectory);
    return new BundleFacts(
        manifest.architecture().embedDim(), manifest.files().get(manifest.weights()));
  }

  public int dimension() {
    return embedder.dimension();
  }

  /** The sha256 of the loaded weights file, as the bundle's manifest records it. */
  public String weightsSha256() {
    return embedder.weightsSha256();
  }

  /**
   * Unit embeddings of the spans ({@code [startMs, endMs]} pairs) of {@code video}, in span order,
   * from one decoding pass.
   *
   * @throws VideoDecodingException naming the file when it cannot be decoded (missing, not a video,
   *     truncated)
   */
  public List<float[]> embedSegments(Path video, List<long[]> spans) throws VideoDecodingException {
    List<TimeSpan> timeSpans = spans.stream().map(span -> new TimeSpan(span[0], span[1])).toList();
    return embedder.embedSegments(video, timeSpans);
  }

  /**
   * Unit embedding of a whole clip, as one span from its first to its last frame (query by
   * example).
   *
   * @throws VideoDecodingException naming the file when it is not a readable video or has no video
   *     stream
   */
  public float[] embedClip(Path clip) throws VideoDecodingException {
    VideoFacts facts = VideoProbe.probe(clip);
    if (!facts.hasVideo()) {
      throw new VideoDecodingException(clip, "the file has no video stream");
    }
    long endMs = facts.durationMicros() / 1000;
    if (endMs < 1) {
      throw new VideoDecodingException(clip, "the video lasts less than a millisecond");
    }
    return embedder.embedSegments(clip, List.of(new TimeSpan(0, endMs))).get(0);
  }

  /** Unit embedding of a free-text query, averaged over the method's prompt templates. */
  public float[] embedText(String text) {
    return embedder.embedText(text);
  }

  /**
   * The model's logit scale {@code exp(logit_scale)} (1/0.07 at CLIP's initialisation, 100 at
   * most).
   */
  public float logitScale() {
    return embedder.logitScale();
  }

  @Override
  public void close() {
    embedder.close();
  }
}
