package dev.froster.engine.clip.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact ids against OpenAI's CLIP with the real vocabulary from the shared fixtures (the system
 * property {@code froster.shared.dir}, set by the engine's surefire configuration).
 */
class ClipTokenizerConformanceTest {
  private static final int CONTEXT_LENGTH = 77;

  private static Path sharedDir;
  private static ClipTokenizer tokenizer;

  @BeforeAll
  static void loadRealVocabulary() throws IOException {
    String property = System.getProperty("froster.shared.dir");
    if (property != null && Files.isDirectory(Path.of(property, "fixtures"))) {
      sharedDir = Path.of(property);
      tokenizer =
          ClipTokenizer.load(sharedDir.resolve("fixtures/clip-bpe/bpe_simple_vocab_16e6.txt.gz"));
    }
  }

  // Per test, so that each one is reported as skipped with the reason.
  @BeforeEach
  void requireSharedFixtures() {
    assumeTrue(
        tokenizer != null,
        "Skipping CLIP conformance: system property froster.shared.dir does not point at the shared"
            + " folder with fixtures/ (got "
            + System.getProperty("froster.shared.dir")
            + ")");
  }

  @Test
  void realVocabularyHasClipsSizeAndSpecialTokens() {
    assertEquals(49408, tokenizer.vocabularySize());
    assertEquals(49406, tokenizer.startOfText());
    assertEquals(49407, tokenizer.endOfText());
  }

  @Test
  void fixtureCasesGiveExactlyClipsIds() throws IOException {
    JsonObject expected =
        JsonParser.parseString(
                Files.readString(sharedDir.resolve("fixtures/clip-tiny/expected.json")))
            .getAsJsonObject();
    List<String> texts = new ArrayList<>();
    List<int[]> ids = new ArrayList<>();
    for (JsonElement element : expected.getAsJsonArray("tokenizer_cases")) {
      JsonObject tokenizerCase = element.getAsJsonObject();
      texts.add(tokenizerCase.get("text").getAsString());
      int[] caseIds = new int[tokenizerCase.getAsJsonArray("ids").size()];
      for (int i = 0; i < caseIds.length; i++) {
        caseIds[i] = tokenizerCase.getAsJsonArray("ids").get(i).getAsInt();
      }
      ids.add(caseIds);
    }
    assertFalse(texts.isEmpty(), "expected.json has no tokenizer_cases");
    int[][] batch = tokenizer.encodeBatch(texts, CONTEXT_LENGTH);
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(ids.get(i), batch[i], "ids of fixture text '" + texts.get(i) + "'");
    }
  }

  /**
   * Ids produced by OpenAI's simple_tokenizer.py code (with the 'regex' module) for texts that ftfy
   * leaves unchanged; only the part up to the end token is written, the rest must be zeros.
   */
  @Test
  void contractionsDigitsScriptsAndEmojiGiveClipsIds() {
    assertClipIds(
        "we've done it, they'll see; i'm sure you'd agree",
        "49406 649 1200 1700 585 267 889 1342 862 282 328 880 1650 592 1896 5953 49407");
    assertClipIds(
        "1,234.56 apples in 2024 \u00bd \u0663",
        "49406 272 267 273 274 275 269 276 277 14032 530 273 271 273 275 33613 149 352 49407");
    assertClipIds(
        "東京で寿司を食べる 😀👍🏽 naïve Ελληνικά",
        "49406 48338 21078 105 4813 100 161 107 123 34517 116 3909 240 165 96 253 4813 117 3909 489"
            + " 12832 43722 1097 35689 563 138 113 138 119 138 119 138 115 138 121 138 117 138 118"
            + " 138 361 49407");
    assertClipIds(
        "wow!!! ... ?! --- #hashtag @user",
        "49406 2781 995 678 2835 11079 258 9238 287 7031 49407");
  }

  /** Python lower-cases a capital sigma to the final form by its neighbours, not by words. */
  @Test
  void capitalSigmaLowerCasesAsInPython() {
    assertClipIds(
        "ΟΔΥΣΣΕΥΣ ΑΣ-Α Α1Σ ΑΣ.Α",
        "49406 138 123 138 112 139 227 139 225 139 225 138 113 139 227 139 480 138 109 139 480 268"
            + " 138 365 138 365 272 139 481 138 109 139 481 269 138 365 49407");
  }

  @Test
  void longTextIsCutToTheContextLengthWithTheEndTokenLast() {
    String text = String.join(" ", java.util.Collections.nCopies(20, "a person running fast"));
    int[] ids = tokenizer.encode(text, CONTEXT_LENGTH);
    assertEquals(CONTEXT_LENGTH, ids.length);
    assertEquals(49406, ids[0]);
    // "a person running fast" is 320 2533 2761 1953; the 76th id would be 1953, EOT replaces it.
    for (int i = 1; i < CONTEXT_LENGTH - 1; i++) {
      assertEquals(new int[] {320, 2533, 2761, 1953}[(i - 1) % 4], ids[i], "id at " + i);
    }
    assertEquals(49407, ids[CONTEXT_LENGTH - 1]);
  }

  @Test
  void huggingFaceFilesWrittenFromTheRealVocabularyGiveIdenticalIds(@TempDir Path dir)
      throws IOException {
    tokenizer.writeTo(dir);
    List<String> merges = Files.readAllLines(dir.resolve("merges.txt"));
    assertEquals("#version: 0.2", merges.get(0));
    assertEquals(ClipVocabulary.CLIP_MERGE_COUNT + 1, merges.size());
    ClipTokenizer reloaded = ClipTokenizer.load(dir);
    assertEquals(49408, reloaded.vocabularySize());
    List<String> texts =
        List.of("a man dives into a swimming pool", "café crème brûlée", "東京 😀 it's 42", "");
    assertArrayEquals(
        tokenizer.encodeBatch(texts, CONTEXT_LENGTH), reloaded.encodeBatch(texts, CONTEXT_LENGTH));
  }

  private static void assertClipIds(String text, String idsUpToEndToken) {
    int[] idsUpToEnd =
        Arrays.stream(idsUpToEndToken.split(" ")).mapToInt(Integer::parseInt).toArray();
    int[] expected = Arrays.copyOf(idsUpToEnd, CONTEXT_LENGTH);
    assertArrayEquals(expected, tokenizer.encode(text, CONTEXT_LENGTH), "ids of '" + text + "'");
  }
}
