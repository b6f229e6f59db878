package dev.froster.engine.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.engine.synth.PlannedClass;
import dev.froster.engine.video.VideoFacts;
import dev.froster.engine.video.VideoProbe;
import dev.froster.engine.video.segment.SegmentationSettings;
import dev.froster.engine.video.segment.SegmentedVideo;
import dev.froster.engine.video.segment.VideoSegmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCatalogueTest {
  /** One frame at 15 fps, rounded up: how far a detected cut may lie from a moment boundary. */
  private static final long ONE_FRAME_MILLIS = 67;

  @TempDir static Path folder;
  private static Path catalogue;
  private static List<CatalogueMoment> moments;

  @BeforeAll
  static void writeCatalogue() throws IOException {
    catalogue = folder.resolve("catalogue");
    // 5 videos of 6 shots: 30 shots, enough for the 26 classes
    CatalogueSettings settings =
        new CatalogueSettings(
            catalogue,
            CatalogueSettings.DEFAULT_SEED,
            5,
            CatalogueSettings.DEFAULT_SHOTS_PER_VIDEO,
            CatalogueSettings.DEFAULT_SIZE,
            CatalogueSettings.DEFAULT_FPS,
            CatalogueSettings.DEFAULT_SHOT_SECONDS,
            2);
    moments = new DemoCatalogue(settings).generate();
  }

  @Test
  void momentsTileEveryVideoAndCoverEveryClass() throws IOException {
    assertEquals(moments, CatalogueFiles.readMoments(catalogue.resolve("moments.tsv")));
    assertEquals(30, moments.size());
    Set<String> classes = new TreeSet<>();
    Map<String, List<CatalogueMoment>> byFile =
        moments.stream().collect(Collectors.groupingBy(CatalogueMoment::file));
    assertEquals(5, byFile.size());
    for (Map.Entry<String, List<CatalogueMoment>> video : byFile.entrySet()) {
      long expectedStart = 0;
      for (CatalogueMoment m : video.getValue()) {
        assertEquals(expectedStart, m.startMillis(), m.toString());
        assertEquals(2000, m.endMillis() - m.startMillis(), m.toString());
        expectedStart = m.endMillis();
        classes.add(m.className());
      }
      VideoFacts facts = VideoProbe.probe(catalogue.resolve(video.getKey()));
      assertEquals(CatalogueSettings.DEFAULT_SIZE, facts.width());
      assertEquals(expectedStart / 1000.0, facts.durationMicros() / 1e6, 0.1, video.getKey());
    }
    Set<String> expected =
        DemoRecipe.classes().stream().map(PlannedClass::name).collect(Collectors.toSet());
    assertEquals(expected, classes);
  }

  @Test
  void theShotDetectorCutsAtTheMomentBoundaries() throws IOException {
    Map<String, List<CatalogueMoment>> byFile =
        moments.stream().collect(Collectors.groupingBy(CatalogueMoment::file));
    for (Map.Entry<String, List<CatalogueMoment>> video : byFile.entrySet()) {
      SegmentedVideo cut =
          VideoSegmenter.segment(
              catalogue.resolve(video.getKey()), SegmentationSettings.defaults());
      List<Long> shotStarts = cut.shotStartsMillis();
      assertEquals(video.getValue().size(), shotStarts.size(), video.getKey() + ": " + shotStarts);
      for (int i = 0; i < shotStarts.size(); i++) {
        long boundary = video.getValue().get(i).startMillis();
        assertTrue(
            Math.abs(shotStarts.get(i) - boundary) <= ONE_FRAME_MILLIS,
            video.getKey() + ": shot " + i + " starts at " + shotStarts.get(i) + " ms");
      }
    }
  }

  @Test
  void vocabularyListsEveryClassWithItsDescription() throws IOException {
    List<CatalogueFiles.VocabularyEntry> vocabulary =
        CatalogueFiles.readVocabulary(catalogue.resolve("vocabulary.csv"));
    List<PlannedClass> classes = DemoRecipe.classes();
    assertEquals(classes.size(), vocabulary.size());
    for (int i = 0; i < classes.size(); i++) {
      assertEquals(classes.get(i).name(), vocabulary.get(i).label());
      assertEquals(classes.get(i).description(), vocabulary.get(i).description());
    }
    assertEquals(
        "label,description,synonyms",
        Files.readAllLines(catalogue.resolve("vocabulary.csv")).get(0));
  }

  @Test
  void csvQuotingRoundTrips() {
    String field = "a \"quoted\", comma";
    assertEquals(
        List.of("x", field, ""),
        CatalogueFiles.csvFields("x," + CatalogueFiles.csvField(field) + ","));
  }

  @Test
  void aSecondCatalogueWithTheSameSeedIsTheSame() throws IOException {
    Path again = folder.resolve("again");
    CatalogueSettings settings =
        new CatalogueSettings(again, CatalogueSettings.DEFAULT_SEED, 5, 6, 128, 15, 2, 1);
    assertEquals(moments, new DemoCatalogue(settings).generate());
    assertEquals(
        -1L, Files.mismatch(catalogue.resolve("demo-03.mp4"), again.resolve("demo-03.mp4")));
  }

  @Test
  void refusesAFullFolderAndTooFewShots() throws IOException {
    CatalogueSettings full = new CatalogueSettings(catalogue, 1, 5, 6, 128, 15, 2, 1);
    IOException notEmpty =
        assertThrows(IOException.class, () -> new DemoCatalogue(full).generate());
    assertTrue(notEmpty.getMessage().contains("not empty"), notEmpty.getMessage());
    CatalogueSettings few = new CatalogueSettings(folder.resolve("few"), 1, 2, 6, 128, 15, 2, 1);
    IllegalArgumentException tooFew =
        assertThrows(IllegalArgumentException.class, () -> new DemoCatalogue(few).generate());
    assertTrue(tooFew.getMessage().contains("at least 5 videos"), tooFew.getMessage());
    assertTrue(Files.notExists(folder.resolve("few")));
  }
}
