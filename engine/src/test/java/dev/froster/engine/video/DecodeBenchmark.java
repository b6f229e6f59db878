package dev.froster.engine.video;

import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decode throughput of JavaCV to RGB24 frames, the work {@code ffmpeg -f rawvideo -pix_fmt rgb24}
 * does (bench/decode/run.sh runs both on the same files). Not a test: a main run by the script.
 *
 * <p>Arguments: files. Prints one line per file: frames, seconds, frames per second (best of 3).
 */
public final class DecodeBenchmark {
  private DecodeBenchmark() {}

  public static void main(String[] args) throws Exception {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    for (String arg : args) {
      Path file = Path.of(arg);
      double best = Double.MAX_VALUE;
      int frames = 0;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        frames = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
          grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
          grabber.start();
          Frame frame;
          while ((frame = grabber.grabImage()) != null) {
            if (frame.image != null) {
              frames++;
            }
          }
        }
        best = Math.min(best, (System.nanoTime() - start) / 1e9);
      }
      System.out.printf(
          Locale.ROOT,
          "javacv %s frames=%d seconds=%.3f fps=%.1f%n",
          file.getFileName(),
          frames,
          best,
          frames / best);
    }
  }
}
