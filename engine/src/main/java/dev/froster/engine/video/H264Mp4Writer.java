package dev.froster.engine.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes an H.264 (yuv420p) MP4 file frame by frame through FFmpeg.
 *
 * <p>The frames go to a temporary sibling ({@code name.mp4.part}); only {@link #finish()} renames
 * it to the target name, so a writer that is killed or fails leaves no file that looks complete.
 * The encoder runs single-threaded with a fixed bitrate, so the same frames always give the same
 * bytes (the FFmpeg build on Maven Central encodes H.264 with OpenH264).
 */
public final class H264Mp4Writer implements AutoCloseable {
  private static final String PART_SUFFIX = ".part";

  private final Path target;
  private final Path partFile;
  private final int width;
  private final int height;
  private final FFmpegFrameRecorder recorder;
  private final Java2DFrameConverter converter = new Java2DFrameConverter();
  private boolean finished;

  private H264Mp4Writer(Path target, int width, int height, FFmpegFrameRecorder recorder) {
    this.target = target;
    this.partFile = partFileOf(target);
    this.width = width;
    this.height = height;
    this.recorder = recorder;
  }

  /**
   * Starts a file of {@code width × height} frames (both even, as yuv420p needs) at {@code
   * framesPerSecond}, encoded at about {@code bitsPerSecond}.
   */
  public static H264Mp4Writer open(
      Path target, int width, int height, double framesPerSecond, int bitsPerSecond)
      throws IOException {
    if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "H.264 yuv420p needs a positive even frame size, got " + width + "x" + height);
    }
    if (!(framesPerSecond > 0)) {
      throw new IllegalArgumentException("frames per second must be positive: " + framesPerSecond);
    }
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path part = partFileOf(target);
    Files.deleteIfExists(part);
    FfmpegLogLevel.errorsOnly();
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(part.toFile(), width, height, 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(framesPerSecond);
    recorder.setVideoBitrate(bitsPerSecond);
    recorder.setGopSize((int) Math.max(1, Math.round(framesPerSecond)));
    recorder.setVideoOption("threads", "1");
    recorder.setVideoOption("allow_skip_frames", "0");
    recorder.setVideoOption("flags", "+bitexact");
    try {
      recorder.start();
    } catch (FrameRecorder.Exception | RuntimeException e) {
      closeQuietly(recorder);
      Files.deleteIfExists(part);
      throw new IOException("Cannot start H.264 encoder for " + target + ": " + e.getMessage(), e);
    }
    return new H264Mp4Writer(target, width, height, recorder);
  }

  /** Appends one frame; it must have the writer's size. */
  public void write(BufferedImage frame) throws IOException {
    if (finished) {
      throw new IllegalStateException("writer for " + target + " is already finished");
    }
    if (frame.getWidth() != width || frame.getHeight() != height) {
      throw new IllegalArgumentException(
          "frame is "
              + frame.getWidth()
              + "x"
              + frame.getHeight()
              + ", video "
              + target
              + " is "
              + width
              + "x"
              + height);
    }
    try {
      recorder.record(converter.convert(bgr(frame)));
    } catch (FrameRecorder.Exception e) {
      throw new IOException("Cannot encode a frame of " + target + ": " + e.getMessage(), e);
    }
  }

  /** Flushes the encoder, closes the file and gives it its final name. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    try {
      recorder.stop();
      recorder.release();
    } catch (FrameRecorder.Exception e) {
      throw new IOException("Cannot finish video " + target + ": " + e.getMessage(), e);
    }
    try {
      Files.move(
          partFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partFile, target, StandardCopyOption.REPLACE_EXISTING);
    }
    finished = true;
  }

  /** Without {@link #finish()}, abandons the file: nothing is left under either name. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    closeQuietly(recorder);
    try {
      Files.deleteIfExists(partFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete unfinished video " + partFile, e);
    }
  }

  /** The temporary name a file has while it is being written. */
  public static Path partFileOf(Path target) {
    return target.resolveSibling(target.getFileName() + PART_SUFFIX);
  }

  private static BufferedImage bgr(BufferedImage frame) {
    if (frame.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return frame;
    }
    BufferedImage converted =
        new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    converted.getGraphics().drawImage(frame, 0, 0, null);
    return converted;
  }

  private static void closeQuietly(FFmpegFrameRecorder recorder) {
    try {
      recorder.close();
    } catch (FrameRecorder.Exception | RuntimeException e) {
      // The file is being abandoned; its own error was already reported.
    }
  }
}
