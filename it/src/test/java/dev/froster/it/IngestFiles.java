package dev.froster.it;

import dev.froster.engine.video.H264Mp4Writer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Media files IngestIT generates: short H.264 videos with two shots (unique bytes on every run, so
 * earlier runs' assets never count as duplicates) and the bad files of the Bad-input list.
 */
final class IngestFiles {

  private final Random random = new Random();
  private final Path folder;

  IngestFiles(Path folder) throws IOException {
    this.folder = Files.createDirectories(folder);
  }

  Path folder() {
    return folder;
  }

  /** A 64×48 video of {@code seconds} at 10 fps: a red shot, then a blue one, a square moving. */
  Path video(String name, double seconds) throws IOException {
    Path target = folder.resolve(name);
    int frames = (int) Math.round(seconds * 10);
    int signature = random.nextInt(1 << 24);
    try (H264Mp4Writer writer = H264Mp4Writer.open(target, 64, 48, 10, 200_000)) {
      for (int i = 0; i < frames; i++) {
        BufferedImage frame = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(i < frames / 2 ? new Color(200, 40, 40) : new Color(40, 40, 200));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillRect((i * 3) % 56, 20, 8, 8);
        // A few pixels that differ on every run make the file's SHA-256 unique.
        g.setColor(new Color(signature));
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        writer.write(frame);
      }
      writer.finish();
    }
    return target;
  }

  Path empty(String name) throws IOException {
    return Files.write(folder.resolve(name), new byte[0]);
  }

  Path text(String name) throws IOException {
    return Files.writeString(folder.resolve(name), "not a video, run " + random.nextLong() + "\n");
  }

  /** A good video's first bytes, then noise: no container FFmpeg can open. */
  Path corrupt(String name) throws IOException {
    byte[] bytes = Files.readAllBytes(video(name + ".source.mp4", 2));
    byte[] noise = new byte[bytes.length - 48];
    random.nextBytes(noise);
    System.arraycopy(noise, 0, bytes, 48, noise.length);
    return Files.write(folder.resolve(name), bytes);
  }

  /** The first 60 % of a good video. */
  Path truncated(String name) throws IOException {
    byte[] bytes = Files.readAllBytes(video(name + ".source.mp4", 3));
    return Files.write(folder.resolve(name), Arrays.copyOf(bytes, bytes.length * 6 / 10));
  }
}
