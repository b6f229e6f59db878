package dev.froster.engine.video.segment;

import dev.froster.engine.video.VideoDecodingException;
import dev.froster.engine.video.VideoFacts;
import dev.froster.engine.video.VideoFrameStream;
import dev.froster.engine.video.VideoProbe;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Cuts a video into shots and windows with keyframes in one decoding pass.
 *
 * <p>FFmpeg scales every frame to keyframe size while converting it, so the shot detector and the
 * thumbnails work on small frames. A window's keyframe is the frame showing at its middle. Windows
 * that run to their full length have their middle known before the shot ends: their keyframes are
 * encoded as the pass goes by. The last window of a shot is clipped to the cut, so its middle lies
 * in the last half-window before the cut, which is kept as a short buffer of small frames.
 */
public final class VideoSegmenter {
  /** The buffer keeps at most about this many frames per half-window (thinned on long windows). */
  private static final int BUFFERED_FRAMES = 64;

  private final SegmentationSettings settings;
  private final KeyframeEncoder keyframes;
  private final ShotDetector detector;
  private final long windowMicros;
  private final long stepMicros;
  private final long frameSlackMicros;
  private final List<Long> shotStarts = new ArrayList<>();
  private final List<VideoSegment> segments = new ArrayList<>();
  private final ArrayDeque<TimedFrame> recent = new ArrayDeque<>();
  private final Map<Long, Keyframe> fullWindowKeyframes = new HashMap<>();
  private long shotStart;
  private int nextFullWindow;

  private VideoSegmenter(SegmentationSettings settings, int rotation, double framesPerSecond) {
    this.settings = settings;
    this.keyframes = new KeyframeEncoder(rotation, settings.jpegQuality());
    this.detector = new ShotDetector(settings.shotThreshold());
    this.windowMicros = settings.windowMillis() * 1000;
    this.stepMicros = settings.stepMillis() * 1000;
    // a window that would end less than half a frame before the shot's end reaches it
    this.frameSlackMicros =
        framesPerSecond > 0 ? Math.min(stepMicros / 2, Math.round(500_000 / framesPerSecond)) : 0;
  }

  /**
   * Shots, windows and keyframes of {@code video}; an audio-only file gives its facts and no
   * segments.
   *
   * @throws VideoDecodingException if the file is not a readable media file, or stops decoding
   *     before its declared end (the message says where)
   */
  public static SegmentedVideo segment(Path video, SegmentationSettings settings)
      throws VideoDecodingException {
    VideoFacts probed = VideoProbe.probe(video);
    if (!probed.hasVideo()) {
      return new SegmentedVideo(probed, List.of(), List.of());
    }
    try (VideoFrameStream frames = VideoFrameStream.open(video)) {
      VideoFacts facts = frames.facts();
      int[] size =
          KeyframeEncoder.scaledSize(facts.width(), facts.height(), settings.keyframeMaxSide());
      frames.scaleTo(size[0], size[1]);
      VideoSegmenter segmenter =
          new VideoSegmenter(settings, facts.rotationDegrees(), facts.framesPerSecond());
      long end = 0;
      while (frames.next()) {
        segmenter.accept(frames.timeMicros(), frames.image());
        end = frames.endMicros();
      }
      segmenter.endShot(end);
      return new SegmentedVideo(facts, segmenter.shotStartMillis(), segmenter.segments);
    }
  }

  private void accept(long time, BufferedImage frame) {
    boolean cut = detector.isCut(frame);
    keepFullWindowKeyframes(time);
    if (cut) {
      endShot(time);
      recent.clear();
      fullWindowKeyframes.clear();
      shotStart = time;
      nextFullWindow = 0;
    }
    if (!cut && shotStarts.isEmpty()) {
      shotStart = time;
    }
    if (shotStarts.isEmpty() || cut) {
      shotStarts.add(time);
    }
    remember(time, frame);
  }

  /** Encodes the keyframes of window middles that the pass has just gone past. */
  private void keepFullWindowKeyframes(long time) {
    while (true) {
      long middle = shotStart + nextFullWindow * stepMicros + windowMicros / 2;
      if (middle >= time || recent.isEmpty()) {
        return;
      }
      fullWindowKeyframes.put(middle, keyframeAt(middle));
      nextFullWindow++;
    }
  }

  private void endShot(long shotEnd) {
    if (shotStarts.isEmpty() || shotEnd <= shotStart) {
      return;
    }
    int shot = shotStarts.size() - 1;
    for (long[] window :
        SegmentWindows.of(shotStart, shotEnd, windowMicros, stepMicros, frameSlackMicros)) {
      long middle = window[0] + (window[1] - window[0]) / 2;
      Keyframe keyframe = fullWindowKeyframes.get(middle);
      if (keyframe == null) {
        keyframe = keyframeAt(middle);
      }
      segments.add(
          new VideoSegment(
              segments.size(),
              shot,
              millis(window[0]),
              millis(window[1]),
              millis(keyframe.time()),
              keyframe.jpeg()));
    }
  }

  /** The frame showing at {@code time}: the last one at or before it (else the earliest kept). */
  private Keyframe keyframeAt(long time) {
    TimedFrame chosen = recent.peekFirst();
    for (Iterator<TimedFrame> it = recent.iterator(); it.hasNext(); ) {
      TimedFrame candidate = it.next();
      if (candidate.time() > time) {
        break;
      }
      chosen = candidate;
    }
    return new Keyframe(chosen.time(), keyframes.encode(chosen.image()));
  }

  /** Keeps the frames of the last half-window (and one before it) for the clipped window. */
  private void remember(long time, BufferedImage frame) {
    long horizon = windowMicros / 2;
    TimedFrame last = recent.peekLast();
    if (last != null && time - last.time() < horizon / BUFFERED_FRAMES) {
      return;
    }
    recent.addLast(new TimedFrame(time, frame));
    while (recent.size() >= 2) {
      Iterator<TimedFrame> it = recent.iterator();
      it.next();
      if (it.next().time() > time - horizon) {
        break;
      }
      recent.removeFirst();
    }
  }

  private List<Long> shotStartMillis() {
    return shotStarts.stream().map(VideoSegmenter::millis).toList();
  }

  private static long millis(long micros) {
    return Math.round(micros / 1000.0);
  }

  private record TimedFrame(long time, BufferedImage image) {}

  private record Keyframe(long time, byte[] jpeg) {}
}
