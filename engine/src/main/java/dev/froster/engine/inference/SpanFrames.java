package dev.froster.engine.inference;

import dev.froster.engine.video.ClipPreprocessing;
import dev.froster.engine.video.VideoDecodingException;
import dev.froster.engine.video.VideoFrameStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers, in one decoding pass, the T preprocessed frames of every span of a video and hands each
 * span over as soon as its last frame has been seen, so that memory holds only the spans still open
 * (overlapping windows), never the whole video.
 *
 * <p>A sample at time t takes the frame showing at t: the last frame at or before it (the next
 * frame is expected one frame interval later). Each needed frame is converted and preprocessed
 * once, however many spans sample it.
 */
final class SpanFrames {

  /** Receives a span's frames: (T, 3, R, R) values, frame after frame. */
  interface CompletedSpan {
    void accept(int span, float[] frames) throws VideoDecodingException;
  }

  private record Sample(long timeMicros, int span, int slot) {}

  private SpanFrames() {}

  static void gather(
      Path video,
      List<TimeSpan> spans,
      int framesPerClip,
      ClipPreprocessing preprocessing,
      CompletedSpan completed)
      throws VideoDecodingException {
    int frameSize = 3 * preprocessing.resolution() * preprocessing.resolution();
    Sample[] samples = new Sample[spans.size() * framesPerClip];
    for (int span = 0; span < spans.size(); span++) {
      long[] times = spans.get(span).sampleMicros(framesPerClip);
      for (int slot = 0; slot < framesPerClip; slot++) {
        samples[span * framesPerClip + slot] = new Sample(times[slot], span, slot);
      }
    }
    Arrays.sort(samples, Comparator.comparingLong(Sample::timeMicros));
    float[][] open = new float[spans.size()][];
    int[] missing = new int[spans.size()];
    Arrays.fill(missing, framesPerClip);
    int next = 0;
    long lastFrameEnd = 0;
    try (VideoFrameStream frames = VideoFrameStream.open(video)) {
      while (next < samples.length && frames.next()) {
        lastFrameEnd = frames.endMicros();
        if (samples[next].timeMicros() >= lastFrameEnd) {
          continue;
        }
        float[] pixels = preprocessing.transform(frames.image());
        while (next < samples.length && samples[next].timeMicros() < lastFrameEnd) {
          Sample sample = samples[next++];
          if (open[sample.span()] == null) {
            open[sample.span()] = new float[framesPerClip * frameSize];
          }
          System.arraycopy(pixels, 0, open[sample.span()], sample.slot() * frameSize, frameSize);
          if (--missing[sample.span()] == 0) {
            float[] done = open[sample.span()];
            open[sample.span()] = null;
            completed.accept(sample.span(), done);
          }
        }
      }
      if (next < samples.length) {
        TimeSpan beyond = spans.get(samples[next].span());
        throw new VideoDecodingException(
            video,
            "the span ["
                + beyond.startMillis()
                + ", "
                + beyond.endMillis()
                + ") ms reaches past the last frame, which ends at "
                + Math.round(lastFrameEnd / 1000.0)
                + " ms");
      }
      // Reading to the end checks that the file is whole, as the segmenter did.
      while (frames.next()) {
        // nothing more is needed from the remaining frames
      }
    }
  }
}
