package dev.froster.engine.video;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Real video files for the tests, written through JavaCV's FFmpeg (and one by hand: Y4M). */
public final class TestVideos {
  private TestVideos() {}

  /** What to write: container, codec, pixel format and options. */
  public record Recipe(
      String format,
      int codec,
      int pixelFormat,
      int width,
      int height,
      double fps,
      int frames,
      int displayRotation,
      boolean audio,
      long[] timestampsMicros,
      java.util.Map<String, String> options) {

    public static Recipe of(String format, int codec, int width, int height, double fps, int n) {
      int pixels =
          codec == avcodec.AV_CODEC_ID_MJPEG
              ? avutil.AV_PIX_FMT_YUVJ420P
              : avutil.AV_PIX_FMT_YUV420P;
      return new Recipe(
          format, codec, pixels, width, height, fps, n, 0, false, null, java.util.Map.of());
    }

    /** With the display matrix saying "turn {@code counterclockwiseDegrees}" (FFmpeg's sign). */
    public Recipe rotated(int counterclockwiseDegrees) {
      return new Recipe(
          format,
          codec,
          pixelFormat,
          width,
          height,
          fps,
          frames,
          counterclockwiseDegrees,
          audio,
          timestampsMicros,
          options);
    }

    public Recipe withAudio() {
      return new Recipe(
          format,
          codec,
          pixelFormat,
          width,
          height,
          fps,
          frames,
          displayRotation,
          true,
          timestampsMicros,
          options);
    }

    /** With a muxer option (e.g. {@code movflags=+faststart}). */
    public Recipe withOption(String key, String value) {
      java.util.Map<String, String> more = new java.util.TreeMap<>(options);
      more.put(key, value);
      return new Recipe(
          format,
          codec,
          pixelFormat,
          width,
          height,
          fps,
          frames,
          displayRotation,
          audio,
          timestampsMicros,
          more);
    }

    /** Frames at the given times (variable frame rate). */
    public Recipe atTimes(long[] micros) {
      return new Recipe(
          format,
          codec,
          pixelFormat,
          width,
          height,
          fps,
          micros.length,
          displayRotation,
          audio,
          micros,
          options);
    }
  }

  /** Writes {@code recipe.frames()} frames drawn by {@code frame} to {@code target}. */
  public static Path write(Path target, Recipe recipe, IntFunction<BufferedImage> frame)
      throws IOException {
    Java2DFrameConverter converter = new Java2DFrameConverter();
    try (FFmpegFrameRecorder recorder =
        new FFmpegFrameRecorder(
            target.toFile(), recipe.width(), recipe.height(), recipe.audio() ? 1 : 0)) {
      recorder.setFormat(recipe.format());
      recorder.setVideoCodec(recipe.codec());
      recorder.setPixelFormat(recipe.pixelFormat());
      recorder.setFrameRate(recipe.fps());
      recorder.setGopSize((int) Math.max(1, Math.round(recipe.fps())));
      recorder.setVideoBitrate(600_000);
      recipe.options().forEach(recorder::setOption);
      if (recipe.displayRotation() != 0) {
        recorder.setDisplayRotation(recipe.displayRotation());
      }
      if (recipe.audio()) {
        recorder.setAudioCodec(
            recipe.format().equals("webm") ? avcodec.AV_CODEC_ID_OPUS : avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(48_000);
      }
      recorder.start();
      double secondsPerFrame = 1.0 / recipe.fps();
      for (int i = 0; i < recipe.frames(); i++) {
        if (recipe.timestampsMicros() != null) {
          recorder.setTimestamp(recipe.timestampsMicros()[i]);
        }
        recorder.record(converter.convert(bgr(frame.apply(i))));
        if (recipe.audio()) {
          int samples = (int) Math.round(48_000 * secondsPerFrame);
          short[] tone = new short[samples];
          for (int s = 0; s < samples; s++) {
            tone[s] = (short) (6000 * Math.sin((i * samples + s) * 2 * Math.PI * 440 / 48_000));
          }
          recorder.recordSamples(48_000, 1, ShortBuffer.wrap(tone));
        }
      }
      recorder.stop();
    }
    return target;
  }

  /** An AAC audio-only MP4 ({@code .m4a}) of {@code seconds}. */
  public static Path writeAudioOnly(Path target, int seconds) throws IOException {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), 1)) {
      recorder.setFormat("mp4");
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      recorder.setSampleRate(44_100);
      recorder.start();
      short[] tone = new short[44_100 * seconds];
      for (int s = 0; s < tone.length; s++) {
        tone[s] = (short) (6000 * Math.sin(s * 2 * Math.PI * 440 / 44_100));
      }
      recorder.recordSamples(44_100, 1, ShortBuffer.wrap(tone));
      recorder.stop();
    }
    return target;
  }

  /**
   * A YUV4MPEG2 file (4:4:4, any size, odd ones included) written by hand: JavaCV's recorder rounds
   * frame sizes up to even numbers, a Y4M file keeps them.
   */
  public static Path writeY4m(
      Path target, int width, int height, int fps, int frames, IntFunction<BufferedImage> frame)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      String header = "YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C444\n";
      out.write(header.getBytes(StandardCharsets.US_ASCII));
      byte[] planes = new byte[width * height * 3];
      for (int i = 0; i < frames; i++) {
        BufferedImage image = frame.apply(i);
        int plane = width * height;
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            int rgb = image.getRGB(x, y);
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            // BT.601 limited range, as FFmpeg reads a Y4M file without colour tags
            int yy = (int) Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
            int cb = (int) Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
            int cr = (int) Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
            planes[y * width + x] = (byte) yy;
            planes[plane + y * width + x] = (byte) cb;
            planes[2 * plane + y * width + x] = (byte) cr;
          }
        }
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        out.write(planes);
      }
    }
    return target;
  }

  /** A frame of one colour with a white square moving by 2 px per frame (motion, not a cut). */
  public static BufferedImage scene(int width, int height, Color background, int frameNumber) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(background);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    int side = Math.max(4, Math.min(width, height) / 5);
    g.fillRect((2 * frameNumber) % Math.max(1, width - side), height / 3, side, side);
    g.dispose();
    return image;
  }

  private static BufferedImage bgr(BufferedImage frame) {
    if (frame.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return frame;
    }
    BufferedImage converted =
        new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = converted.createGraphics();
    g.drawImage(frame, 0, 0, null);
    g.dispose();
    return converted;
  }
}
