package dev.froster.engine.video.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.engine.video.TestVideos;
import dev.froster.engine.video.TestVideos.Recipe;
import dev.froster.engine.video.VideoFacts;
import dev.froster.engine.video.VideoProbe;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every container and codec the FFmpeg build on Maven Central can encode here probes and segments.
 * It has no HEVC encoder (no libx265), so HEVC files cannot be made in the test; MPEG-4 Part 2 in
 * Matroska stands in for "MKV with a non-H.264 codec", AV1 (libaom) for a modern one. The Matroska
 * file runs at 30 fps, whose millisecond timestamps do not add up to the file's length exactly.
 */
class ContainersAndCodecsTest {
  @TempDir static Path dir;

  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of(
            "mkv", "mpeg4", Recipe.of("matroska", avcodec.AV_CODEC_ID_MPEG4, 160, 96, 30, 90)),
        Arguments.of("mkv", "av1", Recipe.of("matroska", avcodec.AV_CODEC_ID_AV1, 160, 96, 25, 50)),
        Arguments.of("webm", "vp9", Recipe.of("webm", avcodec.AV_CODEC_ID_VP9, 160, 96, 25, 75)),
        Arguments.of("webm", "vp8", Recipe.of("webm", avcodec.AV_CODEC_ID_VP8, 160, 96, 25, 75)),
        Arguments.of("mov", "h264", Recipe.of("mov", avcodec.AV_CODEC_ID_H264, 160, 96, 30, 90)),
        Arguments.of("avi", "mjpeg", Recipe.of("avi", avcodec.AV_CODEC_ID_MJPEG, 160, 96, 25, 75)),
        Arguments.of("ts", "h264", Recipe.of("mpegts", avcodec.AV_CODEC_ID_H264, 160, 96, 25, 75)),
        Arguments.of(
            "ts",
            "mpeg2video",
            Recipe.of("mpegts", avcodec.AV_CODEC_ID_MPEG2VIDEO, 160, 96, 25, 75)),
        Arguments.of(
            "mp4", "h264", Recipe.of("mp4", avcodec.AV_CODEC_ID_H264, 160, 96, 25, 75).withAudio()),
        Arguments.of(
            "webm",
            "vp9",
            Recipe.of("webm", avcodec.AV_CODEC_ID_VP9, 160, 96, 25, 75).withAudio()));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("encodings")
  void probesAndSegments(String extension, String codec, Recipe recipe) throws IOException {
    Path file =
        TestVideos.write(
            dir.resolve(codec + (recipe.audio() ? "-audio." : ".") + extension),
            recipe,
            i -> TestVideos.scene(recipe.width(), recipe.height(), new Color(20, 90, 160), i));
    VideoFacts facts = VideoProbe.probe(file);
    assertTrue(facts.hasVideo());
    assertTrue(facts.codec().contains(codec.equals("av1") ? "av1" : codec), facts.codec());
    assertEquals(recipe.width(), facts.width());
    assertEquals(recipe.height(), facts.height());
    assertEquals(recipe.fps(), facts.framesPerSecond(), 0.01);
    assertEquals(recipe.audio(), facts.hasAudio());
    assertEquals(recipe.audio(), facts.audioCodec() != null, "audio codec " + facts.audioCodec());
    assertFalse(facts.variableFrameRate());
    double seconds = recipe.frames() / recipe.fps();
    if (recipe.audio()) {
      // the audio encoder's padding may make the file a little longer than its picture
      assertTrue(facts.durationSeconds() >= seconds - 0.1, facts.toString());
    } else {
      assertEquals(seconds, facts.durationSeconds(), 0.1);
    }

    SegmentedVideo segmented = VideoSegmenter.segment(file, SegmentationSettings.defaults());
    assertEquals(1, segmented.shotStartsMillis().size(), "one scene: " + segmented);
    // 2 s windows every 1 s over one shot: the last window reaches the end
    int expected = (int) Math.max(1, Math.ceil(seconds - 1.0 - 1e-9));
    assertEquals(expected, segmented.segments().size());
    VideoSegment last = segmented.segments().get(expected - 1);
    assertEquals(seconds * 1000, last.endMillis(), 1000 / recipe.fps() + 1);
  }

  @Test
  void anOddSizedY4mFileKeepsItsSize() throws IOException {
    Path odd =
        TestVideos.writeY4m(
            dir.resolve("odd.y4m"),
            321,
            179,
            25,
            50,
            i -> TestVideos.scene(321, 179, Color.BLUE, i));
    VideoFacts facts = VideoProbe.probe(odd);
    assertEquals(321, facts.width());
    assertEquals(179, facts.height());
    SegmentedVideo segmented = VideoSegmenter.segment(odd, SegmentationSettings.defaults());
    assertEquals(1, segmented.segments().size());
    assertEquals(2000, segmented.segments().get(0).endMillis());
  }

  @Test
  void variableFrameRateIsSeenAndTimedByTimestamps() throws IOException {
    // 60 frames alternating 1/30 s and 1/10 s apart: 4 s, average 15 fps
    long[] times = new long[60];
    for (int i = 1; i < times.length; i++) {
      times[i] = times[i - 1] + (i % 2 == 1 ? 33_333 : 100_000);
    }
    Path vfr =
        TestVideos.write(
            dir.resolve("vfr.mp4"),
            Recipe.of("mp4", avcodec.AV_CODEC_ID_H264, 64, 48, 30, 60).atTimes(times),
            i -> TestVideos.scene(64, 48, Color.GRAY, i));
    VideoFacts facts = VideoProbe.probe(vfr);
    assertTrue(facts.variableFrameRate(), facts.toString());
    SegmentedVideo segmented = VideoSegmenter.segment(vfr, SegmentationSettings.defaults());
    assertEquals(3, segmented.segments().size(), segmented.segments().toString());
    assertEquals(4000, segmented.segments().get(2).endMillis(), 110);
  }

  @Test
  void anAudioOnlyFileProbesAndHasNoSegments() throws IOException {
    Path audio = TestVideos.writeAudioOnly(dir.resolve("voice.m4a"), 2);
    VideoFacts facts = VideoProbe.probe(audio);
    assertFalse(facts.hasVideo());
    assertTrue(facts.hasAudio());
    assertEquals("aac", facts.audioCodec());
    assertNull(facts.codec());
    assertEquals(0, facts.width());
    assertEquals(0, facts.height());
    assertEquals(2.0, facts.durationSeconds(), 0.1);
    SegmentedVideo segmented = VideoSegmenter.segment(audio, SegmentationSettings.defaults());
    assertTrue(segmented.segments().isEmpty());
    assertTrue(segmented.shotStartsMillis().isEmpty());
    assertEquals(facts, segmented.facts());
  }
}
