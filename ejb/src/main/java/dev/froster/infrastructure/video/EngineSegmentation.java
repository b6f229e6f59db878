package dev.froster.infrastructure.video;

import dev.froster.domain.model.asset.ProbeFacts;
import dev.froster.domain.model.asset.UnreadableMediaException;
import dev.froster.domain.model.segment.SegmentCut;
import dev.froster.domain.model.segment.Segmentation;
import dev.froster.domain.model.segment.TimeRange;
import dev.froster.engine.video.VideoDecodingException;
import dev.froster.engine.video.VideoFacts;
import dev.froster.engine.video.segment.SegmentationSettings;
import dev.froster.engine.video.segment.SegmentedVideo;
import dev.froster.engine.video.segment.VideoSegment;
import dev.froster.engine.video.segment.VideoSegmenter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one place the application calls the engine's video code ({@link VideoSegmenter}: probe,
 * shots, windows, keyframes in one decoding pass). Every engine failure becomes an {@link
 * UnreadableMediaException} whose message, naming the file, is the reason stored on the asset.
 *
 * <p>Settings (MicroProfile Config; defaults are the engine's): {@code froster.segment.window-ms}
 * (2000, the model's clip length), {@code froster.segment.overlap} (0.5), {@code
 * froster.segment.shot-threshold} (0.10), {@code froster.segment.keyframe-max-side} (320 px),
 * {@code froster.segment.jpeg-quality} (0.85).
 */
@ApplicationScoped
public class EngineSegmentation implements Segmentation {

  @Override
  public Result segment(Path file) throws UnreadableMediaException {
    try {
      return result(VideoSegmenter.segment(file, settings()));
    } catch (VideoDecodingException e) {
      throw new UnreadableMediaException(e.getMessage(), e);
    } catch (RuntimeException e) {
      // FFmpeg and Java2D failures the engine does not name: still this file's reason, not the
      // job's.
      throw new UnreadableMediaException("Cannot segment " + file + ": " + e, e);
    }
  }

  static Result result(SegmentedVideo segmented) {
    List<SegmentCut> cuts = segmented.segments().stream().map(EngineSegmentation::cut).toList();
    return new Result(probeFacts(segmented.facts(), segmented.shotStartsMillis()), cuts);
  }

  static SegmentationSettings settings() {
    SegmentationSettings defaults = SegmentationSettings.defaults();
    Config config = config();
    if (config == null) {
      return defaults;
    }
    return new SegmentationSettings(
        config
            .getOptionalValue("froster.segment.shot-threshold", Double.class)
            .orElse(defaults.shotThreshold()),
        config
            .getOptionalValue("froster.segment.window-ms", Long.class)
            .orElse(defaults.windowMillis()),
        config.getOptionalValue("froster.segment.overlap", Double.class).orElse(defaults.overlap()),
        config
            .getOptionalValue("froster.segment.keyframe-max-side", Integer.class)
            .orElse(defaults.keyframeMaxSide()),
        config
            .getOptionalValue("froster.segment.jpeg-quality", Float.class)
            .orElse(defaults.jpegQuality()));
  }

  private static Config config() {
    try {
      return ConfigProvider.getConfig(EngineSegmentation.class.getClassLoader());
    } catch (IllegalStateException noConfigRuntime) {
      // Outside a server (unit tests) there is no MicroProfile Config: the engine's defaults hold.
      return null;
    }
  }

  private static SegmentCut cut(VideoSegment segment) {
    return new SegmentCut(
        new TimeRange(segment.startMillis(), segment.endMillis()),
        segment.shot(),
        segment.keyframeMillis(),
        segment.keyframeJpeg());
  }

  private static ProbeFacts probeFacts(VideoFacts facts, List<Long> shotStarts) {
    return new ProbeFacts(
        facts.container(),
        facts.hasVideo() ? facts.codec() : null,
        facts.audioCodec(),
        facts.durationMicros() / 1000,
        facts.hasVideo() ? facts.framesPerSecond() : 0,
        facts.width(),
        facts.height(),
        facts.rotationDegrees(),
        facts.hasVideo(),
        facts.hasAudio(),
        facts.variableFrameRate(),
        shotStarts);
  }
}
