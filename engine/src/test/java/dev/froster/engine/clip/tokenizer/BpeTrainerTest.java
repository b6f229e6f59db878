package dev.froster.engine.clip.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainerTest {
  private static final int CONTEXT = 16;
  private static final List<String> CAPTIONS =
      List.of(
          "a photo of a small red circle moving left on grass",
          "on snow, a large blue striped star rotating clockwise",
          "A picture of a small green square that is growing then shrinking on a brick wall",
          "a triangle moving up then left",
          "a café crème, seen on sand: it's 2024!");

  @TempDir Path dir;

  @Test
  void learnsTheHandComputedMergesInFrequencyOrder() {
    // hug ×2, pug ×1: (u, g</w>) occurs 3 times, then (h, ug</w>) twice, then (p, ug</w>) once
    BpeTrainer.LearnedVocabulary learned = BpeTrainer.learn(List.of("hug hug pug"), 1000);
    assertEquals(List.of("u g</w>", "h ug</w>", "p ug</w>"), learned.merges());
    assertEquals(BpeTrainer.BASE_VOCABULARY + 3, learned.size());
    assertEquals(List.of("ug</w>", "hug</w>", "pug</w>"), learned.symbols().subList(512, 515));
    assertEquals("<|startoftext|>", learned.symbols().get(515));
    assertEquals("<|endoftext|>", learned.symbols().get(516));
    assertEquals("!", learned.symbols().get(0));
    assertEquals("!</w>", learned.symbols().get(256));
  }

  @Test
  void tiesGoToTheSmallestFirstThenSecondSymbol() {
    // (a, b</w>) and (b, a</w>) both occur once: "a" < "b"
    assertEquals(List.of("a b</w>", "b a</w>"), BpeTrainer.learn(List.of("ba ab"), 1000).merges());
    // (a, c</w>) and (a, b</w>) both occur once: same first symbol, "b</w>" < "c</w>" decides
    assertEquals(List.of("a b</w>", "a c</w>"), BpeTrainer.learn(List.of("ac ab"), 1000).merges());
  }

  @Test
  void theVocabularySizeBoundsTheMerges() {
    BpeTrainer.LearnedVocabulary learned = BpeTrainer.learn(List.of("hug hug pug"), 515);
    assertEquals(List.of("u g</w>"), learned.merges());
    assertEquals(515, learned.size());
    assertThrows(IllegalArgumentException.class, () -> BpeTrainer.learn(List.of("x"), 513));
  }

  @Test
  void theSameCorpusInAnyOrderGivesTheSameVocabulary() {
    List<String> shuffled = new ArrayList<>(CAPTIONS);
    Collections.shuffle(shuffled, new Random(3));
    assertEquals(BpeTrainer.learn(CAPTIONS, 600), BpeTrainer.learn(shuffled, 600));
  }

  @Test
  void withEnoughBudgetEveryCorpusWordIsOneToken() throws IOException {
    BpeTrainer.LearnedVocabulary learned = BpeTrainer.learn(CAPTIONS, 100_000);
    ClipTokenizer tokenizer = learned.writeTo(dir);
    assertEquals(learned.size(), tokenizer.vocabularySize());
    for (String caption : CAPTIONS) {
      for (String word : ClipTokenizer.preTokens(caption)) {
        int[] row = tokenizer.encode(word, CONTEXT);
        assertEquals(tokenizer.startOfText(), row[0], word);
        assertNotEquals(tokenizer.endOfText(), row[1], word);
        assertEquals(tokenizer.endOfText(), row[2], "'" + word + "' is not a single token");
      }
    }
    // a whole caption: one id per pre-token
    int[] row = tokenizer.encode("a small red circle", CONTEXT);
    assertEquals(tokenizer.endOfText(), row[5]);
    // a word never seen still encodes, byte by byte
    int[] unseen = tokenizer.encode("zq", CONTEXT);
    assertEquals(tokenizer.endOfText(), unseen[3]);
  }

  @Test
  void writtenFilesRoundTripThroughTheTokenizer() throws IOException {
    BpeTrainer.LearnedVocabulary learned = BpeTrainer.learn(CAPTIONS, 560);
    ClipTokenizer tokenizer = learned.writeTo(dir.resolve("learned"));
    tokenizer.writeTo(dir.resolve("rewritten"));
    for (String file : List.of("merges.txt", "vocab.json")) {
      assertEquals(
          Files.readString(dir.resolve("learned").resolve(file), StandardCharsets.UTF_8),
          Files.readString(dir.resolve("rewritten").resolve(file), StandardCharsets.UTF_8),
          file);
    }
    JsonObject vocab =
        JsonParser.parseString(Files.readString(dir.resolve("learned/vocab.json")))
            .getAsJsonObject();
    for (int id = 0; id < learned.size(); id++) {
      assertEquals(id, vocab.get(learned.symbols().get(id)).getAsInt());
    }
    List<String> lines = Files.readAllLines(dir.resolve("learned/merges.txt"));
    assertEquals("#version: 0.2", lines.get(0));
    assertEquals(learned.merges(), lines.subList(1, lines.size()));
    ClipTokenizer reloaded = ClipTokenizer.load(dir.resolve("rewritten"));
    assertArrayEquals(
        tokenizer.encodeBatch(CAPTIONS, CONTEXT), reloaded.encodeBatch(CAPTIONS, CONTEXT));
  }
}
