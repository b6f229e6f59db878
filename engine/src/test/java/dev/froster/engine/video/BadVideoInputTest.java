package dev.froster.engine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.engine.video.TestVideos.Recipe;
import dev.froster.engine.video.segment.SegmentationSettings;
import dev.froster.engine.video.segment.VideoSegmenter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not (whole) videos end in a VideoDecodingException naming file and reason. */
class BadVideoInputTest {
  @TempDir static Path dir;
  private static Path mp4;
  private static Path transportStream;
  private static Path faststart;

  /** A moving scene under fine noise, so that files have realistic sizes (kilobytes per frame). */
  private static BufferedImage noisyScene(int frame) {
    BufferedImage image = TestVideos.scene(160, 96, new Color(frame % 255, 80, 160), frame);
    Random random = new Random(frame);
    for (int y = 0; y < 96; y += 2) {
      for (int x = 0; x < 160; x += 2) {
        image.setRGB(x, y, random.nextInt(0xffffff));
      }
    }
    return image;
  }

  @BeforeAll
  static void writeVideos() throws IOException {
    mp4 =
        TestVideos.write(
            dir.resolve("good.mp4"),
            Recipe.of("mp4", avcodec.AV_CODEC_ID_H264, 160, 96, 25, 250),
            BadVideoInputTest::noisyScene);
    transportStream =
        TestVideos.write(
            dir.resolve("good.ts"),
            Recipe.of("mpegts", avcodec.AV_CODEC_ID_H264, 160, 96, 25, 250),
            BadVideoInputTest::noisyScene);
    Recipe front =
        Recipe.of("mp4", avcodec.AV_CODEC_ID_H264, 160, 96, 25, 250)
            .withOption("movflags", "+faststart");
    faststart =
        TestVideos.write(dir.resolve("faststart.mp4"), front, BadVideoInputTest::noisyScene);
  }

  @Test
  void theGoodFilesSegment() throws IOException {
    assertEquals(9, VideoSegmenter.segment(mp4, SegmentationSettings.defaults()).segments().size());
    assertEquals(
        9,
        VideoSegmenter.segment(transportStream, SegmentationSettings.defaults()).segments().size());
  }

  @Test
  void aMissingFile() {
    assertRefused(dir.resolve("nowhere.mp4"), "no such file");
  }

  @Test
  void anUnreadableFile() throws IOException {
    Path locked = Files.copy(mp4, dir.resolve("locked.mp4"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(
        Files.isReadable(locked),
        "running as root: chmod 000 does not deny reading, so this case cannot be made here");
    assertRefused(locked, "not readable");
  }

  @Test
  void anEmptyFile() throws IOException {
    assertRefused(Files.write(dir.resolve("empty.mov"), new byte[0]), "empty");
  }

  @Test
  void aTextFile() throws IOException {
    String text = "Shot list, reel 4\nNo pictures here.\n".repeat(50);
    assertRefused(Files.writeString(dir.resolve("shots.txt"), text), "text file");
    assertRefused(Files.writeString(dir.resolve("shots.mkv"), text), "not a media file");
  }

  @Test
  void anMp4CutInHalf() throws IOException {
    // The index (moov) is written last, so the first half has none: FFmpeg refuses to open it.
    assertRefused(cut(mp4, "half.mp4"), "not a media file");
  }

  @Test
  void anMp4WithItsIndexInFrontCutInHalfSaysWhereItEnds() throws IOException {
    // With the index in front (faststart), the first half opens and plays, then stops early. (A
    // transport stream cut in half is a shorter valid stream: FFmpeg reads its length from the
    // last timestamps, so nothing is missing to tell.)
    Path half = cut(faststart, "half-faststart.mp4");
    VideoDecodingException e =
        assertThrows(
            VideoDecodingException.class,
            () -> VideoSegmenter.segment(half, SegmentationSettings.defaults()));
    assertNamesFile(e, half);
    assertTrue(
        e.getMessage().contains("truncated") || e.getMessage().contains("index decode"),
        e.getMessage());
    assertTrue(e.getMessage().contains(" of "), "says where: " + e.getMessage());
  }

  @Test
  void corruptBytesInTheMiddleAreRefused() throws IOException {
    for (Path good : new Path[] {mp4, transportStream}) {
      Path corrupt = corrupt(good, "corrupt-" + good.getFileName(), 1);
      VideoDecodingException e =
          assertThrows(
              VideoDecodingException.class,
              () -> VideoSegmenter.segment(corrupt, SegmentationSettings.defaults()),
              corrupt.toString());
      assertNamesFile(e, corrupt);
      assertTrue(
          e.getMessage().contains("damaged") || e.getMessage().contains("index decode"),
          e.getMessage());
    }
  }

  @Test
  void twoHundredBadFilesLeakNoNativeMemory() throws IOException {
    Path[] bad = {
      corrupt(mp4, "leak-corrupt.mp4", 2),
      cut(faststart, "leak-half-faststart.mp4"),
      cut(mp4, "leak-half.mp4"),
      Files.writeString(dir.resolve("leak.txt"), "not a video\n".repeat(100)),
    };
    for (int i = 0; i < 20; i++) {
      refuseQuietly(bad[i % bad.length]);
    }
    System.gc();
    long before = residentKilobytes();
    for (int i = 0; i < 200; i++) {
      refuseQuietly(bad[i % bad.length]);
    }
    System.gc();
    long growth = residentKilobytes() - before;
    System.out.printf("resident memory growth over 200 bad files: %d kB%n", growth);
    assertTrue(growth < 40_000, "resident memory grew by " + growth + " kB");
  }

  private static void refuseQuietly(Path file) {
    assertThrows(
        VideoDecodingException.class,
        () -> VideoSegmenter.segment(file, SegmentationSettings.defaults()),
        file.toString());
  }

  private static long residentKilobytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }

  private static Path cut(Path good, String name) throws IOException {
    byte[] whole = Files.readAllBytes(good);
    return Files.write(dir.resolve(name), Arrays.copyOf(whole, whole.length / 2));
  }

  /** 16 KiB of random bytes written over the middle of the file. */
  private static Path corrupt(Path good, String name, long seed) throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    Random random = new Random(seed);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 16_384; i++) {
      bytes[i] = (byte) random.nextInt();
    }
    return Files.write(dir.resolve(name), bytes);
  }

  private static void assertRefused(Path file, String reason) {
    VideoDecodingException probe =
        assertThrows(VideoDecodingException.class, () -> VideoProbe.probe(file));
    VideoDecodingException segment =
        assertThrows(
            VideoDecodingException.class,
            () -> VideoSegmenter.segment(file, SegmentationSettings.defaults()));
    for (VideoDecodingException e : new VideoDecodingException[] {probe, segment}) {
      assertNamesFile(e, file);
      assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
  }

  private static void assertNamesFile(VideoDecodingException e, Path file) {
    assertEquals(file, e.file());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
