package dev.froster.engine.video.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.engine.video.TestVideos;
import dev.froster.engine.video.VideoProbe;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoSegmenterTest {
  private static final double FPS = 25;
  private static final int FRAMES = 100;
  private static final int CUT_1 = 40;
  private static final int CUT_2 = 70;
  private static final Color[] SCENES = {
    new Color(30, 60, 200), new Color(40, 170, 60), new Color(230, 140, 30)
  };

  @TempDir static Path dir;
  private static Path twoCuts;

  private static int sceneOf(int frame) {
    return frame < CUT_1 ? 0 : frame < CUT_2 ? 1 : 2;
  }

  @BeforeAll
  static void writeVideo() throws IOException {
    twoCuts =
        TestVideos.write(
            dir.resolve("two-cuts.mp4"),
            TestVideos.Recipe.of("mp4", avcodec.AV_CODEC_ID_H264, 160, 96, FPS, FRAMES),
            i -> TestVideos.scene(160, 96, SCENES[sceneOf(i)], i));
  }

  @Test
  void twoHardCutsGiveThreeShotsAtTheCutFrames() throws IOException {
    SegmentedVideo segmented =
        VideoSegmenter.segment(twoCuts, SegmentationSettings.defaults().withWindowMillis(1000));
    List<Long> shots = segmented.shotStartsMillis();
    assertEquals(3, shots.size(), "shots " + shots);
    long frameMillis = Math.round(1000 / FPS);
    assertEquals(0, shots.get(0));
    assertEquals(CUT_1 * frameMillis, shots.get(1), frameMillis, "shots " + shots);
    assertEquals(CUT_2 * frameMillis, shots.get(2), frameMillis, "shots " + shots);
  }

  @Test
  void windowsOverlapByHalfInsideEachShotAndTheLastIsClipped() throws IOException {
    SegmentedVideo segmented =
        VideoSegmenter.segment(twoCuts, SegmentationSettings.defaults().withWindowMillis(1000));
    // shots [0, 1600), [1600, 2800), [2800, 4000) in 1000 ms windows every 500 ms
    long[][] expected = {
      {0, 1000}, {500, 1500}, {1000, 1600}, {1600, 2600}, {2100, 2800}, {2800, 3800}, {3300, 4000}
    };
    int[] expectedShots = {0, 0, 0, 1, 1, 2, 2};
    List<VideoSegment> segments = segmented.segments();
    assertEquals(expected.length, segments.size(), "segments " + segments);
    for (int i = 0; i < expected.length; i++) {
      VideoSegment segment = segments.get(i);
      assertEquals(i, segment.index());
      assertEquals(expectedShots[i], segment.shot(), "segment " + i);
      assertArrayEquals(
          expected[i], new long[] {segment.startMillis(), segment.endMillis()}, "segment " + i);
      long middle = (segment.startMillis() + segment.endMillis()) / 2;
      assertEquals(middle, segment.keyframeMillis(), 40, "keyframe of segment " + i);
    }
  }

  @Test
  void keyframesAreJpegsOfTheirSceneAtKeyframeSize() throws IOException {
    SegmentationSettings settings = new SegmentationSettings(0.1, 1000, 0.5, 80, 0.9f);
    SegmentedVideo segmented = VideoSegmenter.segment(twoCuts, settings);
    for (VideoSegment segment : segmented.segments()) {
      BufferedImage keyframe = ImageIO.read(new ByteArrayInputStream(segment.keyframeJpeg()));
      assertNotNull(keyframe, "segment " + segment.index() + " keyframe is not a JPEG");
      assertEquals(80, keyframe.getWidth());
      assertEquals(48, keyframe.getHeight());
      Color expected = SCENES[segment.shot()];
      Color corner = new Color(keyframe.getRGB(2, 2));
      assertEquals(expected.getRed(), corner.getRed(), 24, "segment " + segment.index());
      assertEquals(expected.getGreen(), corner.getGreen(), 24, "segment " + segment.index());
      assertEquals(expected.getBlue(), corner.getBlue(), 24, "segment " + segment.index());
    }
  }

  @Test
  void keyframesOfARotatedPhoneVideoAreUpright() throws IOException {
    // Portrait phone footage: stored 64x48 landscape, the display matrix says turn 90° clockwise.
    // A red corner marker top-left in storage must end top-right on display.
    Path phone =
        TestVideos.write(
            dir.resolve("phone.mp4"),
            TestVideos.Recipe.of("mp4", avcodec.AV_CODEC_ID_H264, 64, 48, 25, 25).rotated(-90),
            i -> {
              BufferedImage image = TestVideos.scene(64, 48, Color.DARK_GRAY, 0);
              Graphics2D g = image.createGraphics();
              g.setColor(Color.RED);
              g.fillRect(0, 0, 16, 12);
              g.dispose();
              return image;
            });
    assertEquals(90, VideoProbe.probe(phone).rotationDegrees());
    SegmentedVideo segmented = VideoSegmenter.segment(phone, SegmentationSettings.defaults());
    assertEquals(1, segmented.segments().size());
    BufferedImage keyframe =
        ImageIO.read(new ByteArrayInputStream(segmented.segments().get(0).keyframeJpeg()));
    assertEquals(48, keyframe.getWidth(), "portrait width");
    assertEquals(64, keyframe.getHeight(), "portrait height");
    assertTrue(isRed(keyframe.getRGB(44, 3)), "marker top-right");
    assertTrue(!isRed(keyframe.getRGB(3, 3)), "nothing red top-left");
    assertTrue(!isRed(keyframe.getRGB(44, 60)), "nothing red bottom-right");
  }

  @Test
  void windowArithmetic() {
    assertWindows(SegmentWindows.of(0, 2500, 2000, 1000), 0, 2000, 1000, 2500);
    assertWindows(SegmentWindows.of(0, 3000, 2000, 1000), 0, 2000, 1000, 3000);
    assertWindows(SegmentWindows.of(0, 3100, 2000, 1000), 0, 2000, 1000, 3000, 2000, 3100);
    assertWindows(SegmentWindows.of(500, 900, 2000, 1000), 500, 900);
    assertWindows(SegmentWindows.of(0, 2000, 2000, 1000), 0, 2000);
    assertWindows(SegmentWindows.of(0, 4000, 2000, 2000), 0, 2000, 2000, 4000);
    assertWindows(SegmentWindows.of(0, 2600, 2000, 500), 0, 2000, 500, 2500, 1000, 2600);
    assertThrows(IllegalArgumentException.class, () -> SegmentWindows.of(5, 5, 2000, 1000));
    // a window ending within the slack of the shot's end is the last one
    assertWindows(SegmentWindows.of(0, 3001, 2000, 1000, 16), 0, 2000, 1000, 3001);
    assertWindows(SegmentWindows.of(0, 3020, 2000, 1000, 16), 0, 2000, 1000, 3000, 2000, 3020);
  }

  @Test
  void settingsAreValidated() {
    SegmentationSettings defaults = SegmentationSettings.defaults();
    assertEquals(2000, defaults.windowMillis());
    assertEquals(0.5, defaults.overlap());
    assertEquals(320, defaults.keyframeMaxSide());
    assertEquals(0.85f, defaults.jpegQuality());
    assertEquals(1000, defaults.stepMillis());
    assertEquals(500, defaults.withWindowMillis(1000).stepMillis());
    assertThrows(IllegalArgumentException.class, () -> defaults.withWindowMillis(0));
    assertThrows(
        IllegalArgumentException.class, () -> new SegmentationSettings(0, 2000, 0.5, 320, 0.85f));
    assertThrows(
        IllegalArgumentException.class, () -> new SegmentationSettings(0.1, 2000, 1, 320, 0.85f));
    assertThrows(
        IllegalArgumentException.class, () -> new SegmentationSettings(0.1, 2000, -0.1, 320, 1f));
    assertThrows(
        IllegalArgumentException.class, () -> new SegmentationSettings(0.1, 2000, 0.5, 4, 0.85f));
    assertThrows(
        IllegalArgumentException.class, () -> new SegmentationSettings(0.1, 2000, 0.5, 320, 0f));
  }

  private static boolean isRed(int rgb) {
    Color c = new Color(rgb);
    return c.getRed() > 160 && c.getGreen() < 90 && c.getBlue() < 90;
  }

  private static void assertWindows(List<long[]> windows, long... bounds) {
    assertEquals(bounds.length / 2, windows.size(), "window count");
    for (int i = 0; i < windows.size(); i++) {
      assertArrayEquals(
          new long[] {bounds[2 * i], bounds[2 * i + 1]}, windows.get(i), "window " + i);
    }
  }
}
