package dev.froster.engine.retraining;

import dev.froster.engine.video.H264Mp4Writer;
import dev.froster.engine.video.VideoDecodingException;
import dev.froster.engine.video.VideoFrameStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Cuts the span of a video into an H.264 file of its own, frame for frame at the source's rate (an
 * odd width or height loses its last pixel column or row: yuv420p needs even sizes). The writer
 * renames a finished file into place, so a crash leaves no clip that looks complete.
 */
public final class ClipCutter {

  private static final int BITS_PER_SECOND = 1_000_000;

  private ClipCutter() {}

  /**
   * Writes the frames showing in [startMs, endMs) of {@code source} to {@code target}.
   *
   * @throws VideoDecodingException naming the source when it cannot be decoded or the span holds no
   *     frame
   */
  public static void cut(Path source, long startMs, long endMs, Path target) throws IOException {
    long from = startMs * 1000;
    long to = endMs * 1000;
    int written = 0;
    try (VideoFrameStream frames = VideoFrameStream.open(source)) {
      double fps = frames.facts().framesPerSecond() > 0 ? frames.facts().framesPerSecond() : 25;
      H264Mp4Writer writer = null;
      try {
        while (frames.next()) {
          if (frames.endMicros() <= from) {
            continue;
          }
          if (frames.timeMicros() >= to) {
            break;
          }
          BufferedImage image = frames.image();
          int width = image.getWidth() & ~1;
          int height = image.getHeight() & ~1;
          if (writer == null) {
            writer = H264Mp4Writer.open(target, width, height, fps, BITS_PER_SECOND);
          }
          writer.write(image.getSubimage(0, 0, width, height));
          written++;
        }
        if (writer == null) {
          throw new VideoDecodingException(
              source, "no frame in [" + startMs + ", " + endMs + "] ms");
        }
        writer.finish();
      } finally {
        if (writer != null) {
          writer.close();
        }
      }
    }
    if (written == 0) {
      throw new VideoDecodingException(source, "no frame in [" + startMs + ", " + endMs + "] ms");
    }
  }
}
