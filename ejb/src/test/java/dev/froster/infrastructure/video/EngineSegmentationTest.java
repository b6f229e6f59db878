package dev.froster.infrastructure.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.domain.model.asset.ProbeFacts;
import dev.froster.domain.model.asset.UnreadableMediaException;
import dev.froster.domain.model.segment.SegmentCut;
import dev.froster.domain.model.segment.Segmentation;
import dev.froster.engine.video.H264Mp4Writer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter on real files: the engine's segmenter behind the domain's Segmentation. */
class EngineSegmentationTest {

  @TempDir Path folder;

  @Test
  void aTwoShotVideoGivesProbeFactsShotsAndSegmentsWithKeyframes() throws Exception {
    Path video = twoShots(folder.resolve("two-shots.mp4"));

    Segmentation.Result result = new EngineSegmentation().segment(video);

    ProbeFacts facts = result.facts();
    assertEquals("h264", facts.videoCodec());
    assertEquals(64, facts.width());
    assertEquals(48, facts.height());
    assertTrue(facts.hasVideo());
    assertFalse(facts.hasAudio());
    assertNull(facts.audioCodec());
    assertEquals(4000, facts.durationMs(), 150);
    assertEquals(2, facts.shotStartsMs().size(), facts.toString());
    assertEquals(2000, facts.shotStartsMs().get(1), 150);
    assertFalse(result.segments().isEmpty());
    for (SegmentCut cut : result.segments()) {
      assertTrue(cut.range().endMs() <= facts.durationMs() + 100, cut.range().toString());
      assertEquals((byte) 0xFF, cut.keyframeJpeg()[0]);
      assertEquals((byte) 0xD8, cut.keyframeJpeg()[1]);
    }
    assertEquals(0, result.segments().get(0).shot());
    assertEquals(1, result.segments().get(result.segments().size() - 1).shot());
  }

  @Test
  void unreadableFilesAreReportedWithTheFileName() throws Exception {
    Path empty = Files.write(folder.resolve("empty.mp4"), new byte[0]);
    Path text = Files.writeString(folder.resolve("notes.txt"), "hello\n");
    EngineSegmentation segmentation = new EngineSegmentation();
    for (Path bad : new Path[] {empty, text, folder.resolve("missing.mp4")}) {
      UnreadableMediaException refused =
          assertThrows(UnreadableMediaException.class, () -> segmentation.segment(bad));
      assertTrue(refused.getMessage().contains(bad.getFileName().toString()), refused.getMessage());
    }
  }

  private static Path twoShots(Path target) throws Exception {
    try (H264Mp4Writer writer = H264Mp4Writer.open(target, 64, 48, 10, 200_000)) {
      for (int i = 0; i < 40; i++) {
        BufferedImage frame = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(i < 20 ? new Color(200, 40, 40) : new Color(40, 40, 200));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillRect(i % 56, 20, 8, 8);
        g.dispose();
        writer.write(frame);
      }
      writer.finish();
    }
    return target;
  }
}
