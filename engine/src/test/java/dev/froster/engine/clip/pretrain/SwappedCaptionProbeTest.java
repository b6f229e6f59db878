package dev.froster.engine.clip.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.tokenizer.BpeTrainer;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.synth.CaptionVocabulary;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swapped-caption probe: what it swaps, what it counts, what it leaves out. */
class SwappedCaptionProbeTest {
  @TempDir static Path dir;
  static CaptionedStills stills;
  static ClipTokenizer tokenizer;

  @BeforeAll
  static void world() throws IOException {
    stills = CaptionedStills.read(ClipPretrainerTest.generate(dir.resolve("world"), 64), 0, 1);
    tokenizer = BpeTrainer.learn(stills.trainingCaptions(), 1024).writeTo(dir.resolve("bpe"));
  }

  @Test
  void aPhraseMatchesAsWholeWordsAndTheLongestWins() {
    List<String> motions = List.of("moving left", "moving left then up", "circling");
    SwappedCaptionProbe.Match match =
        SwappedCaptionProbe.Match.find("a circle moving left then up on grass", motions);
    assertEquals("moving left then up", match.phrase());
    assertEquals("a circle circling on grass", match.swappedFor("circling"));
    assertNull(SwappedCaptionProbe.Match.find("a circle", List.of("circ", "circles")));
    assertEquals(
        "a star circling",
        SwappedCaptionProbe.Match.find("a circle circling", List.of("circle", "star"))
            .swappedFor("star"));
  }

  /**
   * One image under four captions, three "a red circle", one "a blue circle": every caption is
   * scored against the same two variants, so whichever the model prefers, the probe must count
   * exactly the captions that say it.
   */
  @Test
  void theProbeCountsTheCaptionsWhoseTrueWordTheModelPrefers() {
    BufferedImage image = stills.training().get(0).image();
    List<CaptionedStills.Still> same = new ArrayList<>();
    for (String caption :
        List.of("a red circle", "a red circle", "a blue circle", "a red circle")) {
      same.add(new CaptionedStills.Still(Path.of("same.png"), image, caption));
    }
    Map<String, SwappedCaptionProbe.Result> results;
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      ClipModel model =
          new ClipModel(ClipPretrainerTest.SMALL.withVocabulary(tokenizer.vocabularySize()))
              .initializeRandom(manager);
      results =
          new SwappedCaptionProbe(CaptionVocabulary.attributeFamilies())
              .measure(model, tokenizer, same, manager);
    }
    SwappedCaptionProbe.Result colour = results.get("colour");
    assertEquals(4, colour.count());
    assertEquals(0.5, colour.chance(), 1e-12, "two colours occur: red and blue");
    double accuracy = colour.accuracy();
    assertTrue(accuracy == 0.25 || accuracy == 0.75, "accuracy " + accuracy);
    assertTrue(!results.containsKey("place"), "no caption names a place");
    assertTrue(!results.containsKey("shape"), "one shape only: nothing to swap it for");
  }

  /** Three captions name three shapes: each is swapped for the other two. */
  @Test
  void theAlternativesAreThePhrasesTheCaptionsName() {
    BufferedImage image = stills.training().get(0).image();
    List<CaptionedStills.Still> three = new ArrayList<>();
    for (String caption : List.of("a circle on grass", "a square", "a star moving left")) {
      three.add(new CaptionedStills.Still(Path.of("same.png"), image, caption));
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      ClipModel model =
          new ClipModel(ClipPretrainerTest.SMALL.withVocabulary(tokenizer.vocabularySize()))
              .initializeRandom(manager);
      SwappedCaptionProbe.Result shape =
          new SwappedCaptionProbe(CaptionVocabulary.attributeFamilies())
              .measure(model, tokenizer, three, manager)
              .get("shape");
      assertEquals(3, shape.count());
      assertEquals(1.0 / 3, shape.chance(), 1e-12, "circle, square, star; not the world's six");
    }
  }

  @Test
  void aFamilyNeedsTwoPhrases() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SwappedCaptionProbe(Map.of("shape", List.of("circle"))));
    assertTrue(e.getMessage().contains("shape"), e.getMessage());
  }
}
