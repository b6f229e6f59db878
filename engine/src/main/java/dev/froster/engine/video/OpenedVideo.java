package dev.froster.engine.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A started {@link FFmpegFrameGrabber} on a file that has been checked to hold a media stream. All
 * FFmpeg failures while opening become {@link VideoDecodingException}s naming the file, and the
 * native context is always released.
 */
final class OpenedVideo implements AutoCloseable {
  /** FFmpeg renders text files named {@code .txt}, {@code .nfo}, ... as ANSI-art "video". */
  private static final String TEXT_AS_VIDEO_FORMAT = "tty";

  private static final Pattern FFMPEG_ERROR_CODE = Pattern.compile("error (-?\\d+)");

  private final Path file;
  private final FFmpegFrameGrabber grabber;

  private OpenedVideo(Path file, FFmpegFrameGrabber grabber) {
    this.file = file;
    this.grabber = grabber;
  }

  /** Opens a file that must hold a video stream. */
  static OpenedVideo open(Path file) throws VideoDecodingException {
    OpenedVideo media = openMedia(file);
    if (!media.hasVideo()) {
      media.close();
      throw new VideoDecodingException(file, "the file has no video stream");
    }
    return media;
  }

  /**
   * Opens a media file with at least one audio or video stream; an audio-only file (or one whose
   * only picture is cover art) opens with {@link #hasVideo()} false.
   */
  static OpenedVideo openMedia(Path file) throws VideoDecodingException {
    checkReadableFile(file);
    FfmpegLogLevel.errorsOnly();
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
    grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
    grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
    try {
      grabber.start();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      releaseQuietly(grabber);
      throw new VideoDecodingException(
          file, "not a media file FFmpeg can read (" + ffmpegReason(e) + ")", e);
    }
    if (TEXT_AS_VIDEO_FORMAT.equals(grabber.getFormat())) {
      releaseQuietly(grabber);
      throw new VideoDecodingException(file, "this is a text file, not a video");
    }
    if (!grabber.hasVideo() && !grabber.hasAudio()) {
      releaseQuietly(grabber);
      throw new VideoDecodingException(file, "the file has no audio or video stream");
    }
    return new OpenedVideo(file, grabber);
  }

  /** Whether the file has a decodable picture stream (cover art of an audio file is not one). */
  boolean hasVideo() {
    if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
      return false;
    }
    AVStream stream = videoStream();
    return stream == null || (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0;
  }

  /**
   * The first video stream of the container (the one JavaCV decodes), or null when there is none.
   */
  AVStream videoStream() {
    AVFormatContext context = grabber.getFormatContext();
    if (context == null) {
      return null;
    }
    for (int i = 0; i < context.nb_streams(); i++) {
      AVStream stream = context.streams(i);
      if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
        return stream;
      }
    }
    return null;
  }

  /** Frames the container's index declares for the video stream, or 0 when it keeps no count. */
  long indexedFrameCount() {
    AVStream stream = videoStream();
    return stream == null ? 0 : Math.max(0, stream.nb_frames());
  }

  /**
   * Whether the container says the stream's frames are not evenly spaced: its average rate differs
   * from the base rate that all its timestamps fit (FFmpeg's {@code avg_frame_rate} against {@code
   * r_frame_rate}). Containers without frame timing (Matroska) may not tell.
   */
  boolean variableFrameRate() {
    AVStream stream = videoStream();
    if (stream == null) {
      return false;
    }
    double average = avutil.av_q2d(stream.avg_frame_rate());
    double base = avutil.av_q2d(stream.r_frame_rate());
    if (!(average > 0) || !(base > 0)) {
      return false;
    }
    return Math.abs(average - base) / base > 0.01;
  }

  private static void checkReadableFile(Path file) throws VideoDecodingException {
    if (!Files.isRegularFile(file)) {
      throw new VideoDecodingException(file, "no such file");
    }
    if (!Files.isReadable(file)) {
      throw new VideoDecodingException(file, "the file is not readable");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new VideoDecodingException(file, "cannot read the file size", e);
    }
    if (size == 0) {
      throw new VideoDecodingException(file, "the file is empty");
    }
  }

  /**
   * JavaCV's message carries hints for its own API; the FFmpeg error text is what tells a user why
   * the file was refused.
   */
  private static String ffmpegReason(Exception e) {
    String message = String.valueOf(e.getMessage());
    Matcher code = FFMPEG_ERROR_CODE.matcher(message);
    if (code.find()) {
      byte[] text = new byte[256];
      avutil.av_strerror(Integer.parseInt(code.group(1)), text, text.length);
      int length = 0;
      while (length < text.length && text[length] != 0) {
        length++;
      }
      return new String(text, 0, length, StandardCharsets.UTF_8)
          + ", FFmpeg error "
          + code.group(1);
    }
    return message;
  }

  Path file() {
    return file;
  }

  FFmpegFrameGrabber grabber() {
    return grabber;
  }

  @Override
  public void close() {
    releaseQuietly(grabber);
  }

  private static void releaseQuietly(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      // Releasing a context that failed to open has nothing left to tell the caller.
    }
  }
}
