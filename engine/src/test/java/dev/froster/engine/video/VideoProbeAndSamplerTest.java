package dev.froster.engine.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProbeAndSamplerTest {
  private static final int WIDTH = 64;
  private static final int HEIGHT = 48;
  private static final int FRAMES = 30;
  private static final double FPS = 10;

  @TempDir static Path dir;
  private static Path video;

  /** A red bar whose left edge is at x = frame number: each decoded frame shows its own number. */
  private static BufferedImage numberedFrame(int frameNumber) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.RED);
    g.fillRect(frameNumber, 10, 4, 28);
    g.dispose();
    return image;
  }

  /** The left edge of the red bar in a decoded frame. */
  private static int barPosition(BufferedImage frame) {
    RgbFrame rgb = RgbFrame.of(frame);
    int y = 24;
    for (int x = 0; x < rgb.width(); x++) {
      if (rgb.channel(x, y, 0) > 150 && rgb.channel(x, y, 1) < 110) {
        return x;
      }
    }
    return -1;
  }

  @BeforeAll
  static void writeVideo() throws IOException {
    video = dir.resolve("numbered.mp4");
    try (H264Mp4Writer writer = H264Mp4Writer.open(video, WIDTH, HEIGHT, FPS, 400_000)) {
      for (int i = 0; i < FRAMES; i++) {
        writer.write(numberedFrame(i));
      }
      writer.finish();
    }
  }

  @Test
  void probeReadsTheFactsOfAWrittenFile() throws IOException {
    VideoFacts facts = VideoProbe.probe(video);
    assertEquals("h264", facts.codec());
    assertEquals(WIDTH, facts.width());
    assertEquals(HEIGHT, facts.height());
    assertEquals(FPS, facts.framesPerSecond(), 1e-6);
    assertEquals(FRAMES, facts.frameCount());
    assertEquals(3.0, facts.durationSeconds(), 0.05);
    assertEquals(0, facts.rotationDegrees());
    assertFalse(facts.hasAudio());
    assertTrue(facts.container().contains("mp4"), facts.container());
  }

  @Test
  void writerLeavesOnlyTheFinishedFile() throws IOException {
    assertFalse(Files.exists(H264Mp4Writer.partFileOf(video)));
    Path abandoned = dir.resolve("abandoned.mp4");
    try (H264Mp4Writer writer = H264Mp4Writer.open(abandoned, WIDTH, HEIGHT, FPS, 400_000)) {
      writer.write(numberedFrame(0));
      assertTrue(Files.exists(H264Mp4Writer.partFileOf(abandoned)));
    }
    assertFalse(Files.exists(abandoned));
    assertFalse(Files.exists(H264Mp4Writer.partFileOf(abandoned)));
  }

  @Test
  void samplerDecodesExactlyTheFramesAsked() throws IOException {
    int[] asked = {29, 0, 7, 7, 15};
    List<BufferedImage> frames = FrameSampler.frames(video, asked);
    int[] seen = frames.stream().mapToInt(VideoProbeAndSamplerTest::barPosition).toArray();
    assertArrayEquals(asked, seen);
    assertTrue(frames.get(2) != frames.get(3), "repeated frames are separate images");
  }

  @Test
  void uniformSamplingTakesTheCentreOfEqualParts() throws IOException {
    assertArrayEquals(new int[] {1, 5, 9, 13, 16, 20, 24, 28}, FrameSampler.uniformIndices(30, 8));
    assertArrayEquals(new int[] {0, 0, 1, 1}, FrameSampler.uniformIndices(2, 4));
    List<BufferedImage> frames = FrameSampler.uniform(video, 8);
    assertArrayEquals(
        FrameSampler.uniformIndices(FRAMES, 8),
        frames.stream().mapToInt(VideoProbeAndSamplerTest::barPosition).toArray());
    assertEquals(WIDTH, frames.get(0).getWidth());
    assertEquals(HEIGHT, frames.get(0).getHeight());
  }

  @Test
  void stridedSamplingStartsAtTheOffsetAndRepeatsTheLastFramePastTheEnd() throws IOException {
    assertArrayEquals(new int[] {20, 24, 28, 29}, FrameSampler.stridedIndices(30, 4, 20, 4));
    List<BufferedImage> frames = FrameSampler.strided(video, 4, 3, 5);
    assertArrayEquals(
        new int[] {3, 8, 13, 18},
        frames.stream().mapToInt(VideoProbeAndSamplerTest::barPosition).toArray());
  }

  @Test
  void packedRgbMatchesTheImage() throws IOException {
    RgbFrame frame = FrameSampler.framesRgb(video, new int[] {12}).get(0);
    assertEquals(WIDTH * HEIGHT * 3, frame.rgb().length);
    assertTrue(frame.channel(13, 24, 0) > 150 && frame.channel(13, 24, 2) < 110);
    assertTrue(frame.channel(40, 24, 1) > 200, "white background");
  }

  @Test
  void aFrameBeyondTheEndIsRefused() {
    VideoDecodingException e =
        assertThrows(
            VideoDecodingException.class, () -> FrameSampler.frames(video, new int[] {30}));
    assertTrue(e.getMessage().contains("numbered.mp4"), e.getMessage());
  }

  @Test
  void randomBytesAreRefusedNamingTheFile() throws IOException {
    byte[] noise = new byte[20_000];
    new Random(3).nextBytes(noise);
    assertRefused(Files.write(dir.resolve("noise.mp4"), noise), "not a media file");
  }

  @Test
  void theFirstHalfOfAnMp4IsRefused() throws IOException {
    byte[] whole = Files.readAllBytes(video);
    Path half = Files.write(dir.resolve("half.mp4"), Arrays.copyOf(whole, whole.length / 2));
    assertRefused(half, "not a media file");
  }

  @Test
  void aStreamThatEndsBeforeItsDeclaredLengthIsTruncated() throws IOException {
    // With the index at the front (faststart), a cut file still opens; the stream then ends early.
    Path faststart = dir.resolve("faststart.mp4");
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(faststart.toFile(), 64, 48, 0)) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(FPS);
      recorder.setVideoBitrate(400_000);
      recorder.setOption("movflags", "+faststart");
      recorder.start();
      Java2DFrameConverter converter = new Java2DFrameConverter();
      for (int i = 0; i < FRAMES; i++) {
        recorder.record(converter.convert(numberedFrame(i)));
      }
      recorder.stop();
    }
    byte[] whole = Files.readAllBytes(faststart);
    Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length * 6 / 10));
    assertEquals(FRAMES, VideoProbe.probe(cut).frameCount(), "the container still declares all");
    VideoDecodingException e =
        assertThrows(VideoDecodingException.class, () -> FrameSampler.uniform(cut, 8));
    assertTrue(e.getMessage().contains("cut.mp4"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    assertRefused(Files.write(dir.resolve("empty.mp4"), new byte[0]), "empty");
  }

  @Test
  void textFilesAreRefusedWhateverTheirName() throws IOException {
    String text = "Minutes of the archive meeting\nNo video here.\n".repeat(40);
    assertRefused(Files.writeString(dir.resolve("notes.txt"), text), "text file");
    assertRefused(Files.writeString(dir.resolve("notes.mp4"), text), "not a media file");
  }

  @Test
  void aMissingFileIsRefused() {
    assertRefused(dir.resolve("nowhere.mp4"), "no such file");
  }

  @Test
  void displayRotationBecomesClockwiseQuarterTurns() {
    assertEquals(90, VideoProbe.clockwiseRotation(-90.0));
    assertEquals(270, VideoProbe.clockwiseRotation(90.0));
    assertEquals(180, VideoProbe.clockwiseRotation(180.0));
    assertEquals(0, VideoProbe.clockwiseRotation(Double.NaN));
  }

  private static void assertRefused(Path file, String reason) {
    VideoDecodingException probe =
        assertThrows(VideoDecodingException.class, () -> VideoProbe.probe(file));
    VideoDecodingException sample =
        assertThrows(VideoDecodingException.class, () -> FrameSampler.uniform(file, 4));
    for (VideoDecodingException e : List.of(probe, sample)) {
      assertEquals(file, e.file());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
  }
}
