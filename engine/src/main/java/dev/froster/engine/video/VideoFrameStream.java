package dev.froster.engine.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One sequential decoding pass over a video's frames, each with its presentation time counted from
 * the first frame, that refuses damaged files: the catalogue's segmenter and embedder both read
 * through it, so they agree on what "the frame at 12.4 s" is.
 *
 * <p>Frames can be scaled by FFmpeg while they are converted ({@link #scaleTo}), which is much
 * cheaper than converting full frames and shrinking them in Java. The pass throws a {@link
 * VideoDecodingException} saying where when the decoder fails, when frames are missing in the
 * middle (a gap of more than {@value #GAP_FRAMES} frame intervals in a constant-rate stream, or
 * fewer frames than the container's index lists), or when the stream stops well before its declared
 * duration (a truncated file).
 */
public final class VideoFrameStream implements AutoCloseable {
  /** A constant-rate stream that skips more than this many frame intervals has lost data. */
  static final int GAP_FRAMES = 4;

  /** Gaps shorter than this are never called damage (rates are rounded in many containers). */
  private static final long MIN_GAP_MICROS = 100_000;

  /** A stream may end this share of its declared duration early (edit lists, rounding). */
  private static final double END_TOLERANCE = 0.05;

  /** Matroska's per-track duration tag, {@code HH:MM:SS.fraction}. */
  private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

  private final OpenedVideo opened;
  private final VideoFacts facts;
  private final long nominalIntervalMicros;
  private final long declaredVideoMicros;
  private Frame frame;
  private long firstTimestamp = Long.MIN_VALUE;
  private long timeMicros = -1;
  private long intervalMicros;
  private int frameNumber = -1;
  private boolean ended;

  private VideoFrameStream(OpenedVideo opened) {
    this.opened = opened;
    this.facts = VideoProbe.facts(opened);
    double fps = facts.framesPerSecond();
    this.nominalIntervalMicros = fps > 0 ? Math.round(1_000_000.0 / fps) : 40_000;
    this.intervalMicros = nominalIntervalMicros;
    this.declaredVideoMicros = declaredVideoMicros(opened, facts);
  }

  /**
   * Opens {@code file} for one pass over its frames.
   *
   * @throws VideoDecodingException if the file is missing, unreadable, empty, not a media file or
   *     has no video stream
   */
  public static VideoFrameStream open(Path file) throws VideoDecodingException {
    OpenedVideo opened = OpenedVideo.open(file);
    try {
      return new VideoFrameStream(opened);
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /** The facts of the file, as {@link VideoProbe#probe} gives them. */
  public VideoFacts facts() {
    return facts;
  }

  /**
   * Makes FFmpeg scale the following frames to {@code width × height} (area averaging) as it
   * converts them; {@link #image()} then has that size.
   */
  public void scaleTo(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("output size must be positive: " + width + "x" + height);
    }
    opened.grabber().setImageScalingFlags(swscale.SWS_AREA);
    opened.grabber().setImageWidth(width);
    opened.grabber().setImageHeight(height);
  }

  /**
   * Decodes the next frame.
   *
   * @return false after the last frame, once the stream has been checked to be complete
   * @throws VideoDecodingException if decoding fails or the file turns out damaged or truncated
   */
  public boolean next() throws VideoDecodingException {
    if (ended) {
      return false;
    }
    Frame grabbed;
    try {
      do {
        grabbed = opened.grabber().grabImage();
      } while (grabbed != null && grabbed.image == null);
    } catch (FrameGrabber.Exception | RuntimeException e) {
      throw damaged("decoding failed after " + seconds(Math.max(0, timeMicros)) + " s", e);
    }
    if (grabbed == null) {
      ended = true;
      checkComplete();
      return false;
    }
    frame = grabbed;
    frameNumber++;
    if (firstTimestamp == Long.MIN_VALUE) {
      firstTimestamp = grabbed.timestamp;
      timeMicros = 0;
      return true;
    }
    // Decoders may repeat or reorder a timestamp on damaged input: time never runs backwards.
    long time = Math.max(grabbed.timestamp - firstTimestamp, timeMicros + 1);
    long interval = time - timeMicros;
    if (!facts.variableFrameRate()
        && interval > Math.max(GAP_FRAMES * nominalIntervalMicros, MIN_GAP_MICROS)) {
      throw damaged(
          "frames are missing between "
              + seconds(timeMicros)
              + " s and "
              + seconds(time)
              + " s (damaged data)",
          null);
    }
    intervalMicros = interval;
    timeMicros = time;
    return true;
  }

  /** Number (0-based, decode order) of the current frame. */
  public int frameNumber() {
    return frameNumber;
  }

  /** Time of the current frame in microseconds from the first frame. */
  public long timeMicros() {
    return timeMicros;
  }

  /**
   * Time in microseconds at which the current frame is expected to give way to the next: its time
   * plus the last interval between frames (the nominal one for the first frame).
   */
  public long endMicros() {
    return timeMicros + intervalMicros;
  }

  /** The current frame as a {@link BufferedImage#TYPE_3BYTE_BGR} image the caller owns. */
  public BufferedImage image() throws VideoDecodingException {
    if (frame == null || ended) {
      throw new IllegalStateException("no current frame: call next() first");
    }
    return toImage(opened.file(), frame);
  }

  @Override
  public void close() {
    opened.close();
  }

  private void checkComplete() throws VideoDecodingException {
    if (frameNumber < 0) {
      throw new VideoDecodingException(opened.file(), "no frame of the video stream decodes");
    }
    int decoded = frameNumber + 1;
    long indexed = opened.indexedFrameCount();
    if (indexed > 0 && decoded < indexed - Math.max(2, Math.ceil(indexed * 0.01))) {
      throw damaged(
          "only " + decoded + " of the " + indexed + " frames in the file's index decode", null);
    }
    long end = endMicros();
    if (declaredVideoMicros > 0
        && end
            < declaredVideoMicros
                - Math.max(declaredVideoMicros * END_TOLERANCE, 2.0 * nominalIntervalMicros)) {
      throw new VideoDecodingException(
          opened.file(),
          "the stream ends at "
              + seconds(end)
              + " s of "
              + seconds(declaredVideoMicros)
              + " s declared (truncated or damaged file)");
    }
  }

  private VideoDecodingException damaged(String reason, Throwable cause) {
    return new VideoDecodingException(opened.file(), reason, cause);
  }

  /**
   * The video stream's own duration: from the stream, or the {@code DURATION} tag Matroska and WebM
   * keep per track; the file's duration only when there is no audio stream that could outlast the
   * picture; 0 (not checked) otherwise.
   */
  private static long declaredVideoMicros(OpenedVideo opened, VideoFacts facts) {
    AVStream stream = opened.videoStream();
    if (stream == null) {
      return 0;
    }
    if (stream.duration() > 0 && stream.duration() != avutil.AV_NOPTS_VALUE) {
      return Math.round(stream.duration() * avutil.av_q2d(stream.time_base()) * 1_000_000.0);
    }
    AVDictionaryEntry tag = avutil.av_dict_get(stream.metadata(), "DURATION", null, 0);
    if (tag != null && tag.value() != null) {
      Matcher clock = CLOCK.matcher(tag.value().getString());
      if (clock.matches()) {
        double secondsValue =
            Integer.parseInt(clock.group(1)) * 3600.0
                + Integer.parseInt(clock.group(2)) * 60.0
                + Double.parseDouble(clock.group(3));
        return Math.round(secondsValue * 1_000_000.0);
      }
    }
    return facts.hasAudio() ? 0 : facts.durationMicros();
  }

  private static String seconds(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1_000_000.0);
  }

  /**
   * Copies a decoded BGR24 frame row by row into an image the caller owns. FFmpeg pads rows to its
   * alignment, so the row stride can exceed width × 3.
   */
  static BufferedImage toImage(Path file, Frame frame) throws VideoDecodingException {
    // The grabber is set to BGR24; JavaCV reports "channels" as stride / width, so padded rows
    // look like more channels: check the stride instead.
    if (frame.imageDepth != Frame.DEPTH_UBYTE || frame.imageStride < frame.imageWidth * 3) {
      throw new VideoDecodingException(
          file,
          "decoder gave rows of "
              + frame.imageStride
              + " bytes of depth "
              + frame.imageDepth
              + " for width "
              + frame.imageWidth
              + ", expected BGR24");
    }
    int width = frame.imageWidth;
    int height = frame.imageHeight;
    ByteBuffer pixels = (ByteBuffer) frame.image[0];
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int rowBytes = width * 3;
    for (int y = 0; y < height; y++) {
      pixels.get(y * frame.imageStride, target, y * rowBytes, rowBytes);
    }
    return image;
  }
}
