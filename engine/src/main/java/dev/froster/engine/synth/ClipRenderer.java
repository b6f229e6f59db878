package dev.froster.engine.synth;

import dev.froster.engine.video.H264Mp4Writer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Renders an {@link ActionClip} as frames and writes it as an H.264 MP4.
 *
 * <p>Each frame integrates the scene over an exposure window centred on the frame's instant, as a
 * camera shutter does: moving objects smear along their path, rotating ones around their centre.
 * The window is symmetric, so one frame shows that and how much something moves, never which way:
 * the direction needs time, as in real footage. Mild sensor noise is added per frame.
 */
public final class ClipRenderer {
  /** Sub-frame samples integrated per frame. */
  private static final int EXPOSURE_SAMPLES = 5;

  /** Exposure window, in frame intervals (longer than one: a visible, but mild, blur). */
  private static final double EXPOSURE_FRAMES = 3.0;

  /** Uniform noise amplitude per channel, in 8-bit levels. */
  private static final int NOISE = 3;

  private final VideoFormat format;

  public ClipRenderer(VideoFormat format) {
    this.format = format;
  }

  /** All frames of the clip, in order. */
  public List<BufferedImage> frames(ActionClip clip) {
    Random random = new Random(clip.seed());
    BufferedImage background = clip.place().paint(format.size(), random);
    Placement placement = Placement.random(random);
    List<BufferedImage> frames = new ArrayList<>(format.frameCount());
    for (int i = 0; i < format.frameCount(); i++) {
      frames.add(frame(clip, background, placement, i, random));
    }
    return frames;
  }

  /** Renders the clip and writes it to {@code target} (atomically: temp file, then rename). */
  public void write(ActionClip clip, Path target) throws IOException {
    try (H264Mp4Writer writer =
        H264Mp4Writer.open(
            target,
            format.size(),
            format.size(),
            format.framesPerSecond(),
            format.bitsPerSecond())) {
      for (BufferedImage frame : frames(clip)) {
        writer.write(frame);
      }
      writer.finish();
    }
  }

  private BufferedImage frame(
      ActionClip clip, BufferedImage background, Placement placement, int index, Random random) {
    int size = format.size();
    double step = 1.0 / (format.frameCount() - 1);
    double centre = index * step;
    int[] sum = new int[size * size * 3];
    BufferedImage sample = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
    byte[] backgroundBytes = bytes(background);
    byte[] sampleBytes = bytes(sample);
    for (int k = 0; k < EXPOSURE_SAMPLES; k++) {
      double offset = ((double) k / (EXPOSURE_SAMPLES - 1) - 0.5) * EXPOSURE_FRAMES * step;
      System.arraycopy(backgroundBytes, 0, sampleBytes, 0, sampleBytes.length);
      Graphics2D g = sample.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        ObjectState state = clip.motion().at(centre + offset, placement);
        ObjectPainter.paint(g, clip.appearance(), state, size, 1f, false);
      } finally {
        g.dispose();
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] += sampleBytes[i] & 0xff;
      }
    }
    BufferedImage frame = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
    byte[] frameBytes = bytes(frame);
    for (int i = 0; i < sum.length; i++) {
      int noisy =
          Math.round((float) sum[i] / EXPOSURE_SAMPLES) + random.nextInt(2 * NOISE + 1) - NOISE;
      frameBytes[i] = (byte) Math.max(0, Math.min(255, noisy));
    }
    return frame;
  }

  static byte[] bytes(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }
}
