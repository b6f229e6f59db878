package dev.froster.engine.clip.tokenizer;

import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.APOSTROPHE_S_END;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.AT_END;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.CAFE_ACUTE_END;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.CATS_END;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.CAT_END;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.EOT;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.E_ACUTE_END;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.SOT;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.TH;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.THE_END;
import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenizer's rules on the tests' own ten-merge vocabulary ({@link TinyClipVocabulary}). */
class ClipTokenizerTest {
  private static final int WORD_END = 256;
  private static final int CONTEXT = 12;

  @TempDir static Path dir;
  private static ClipTokenizer tokenizer;

  @BeforeAll
  static void loadTinyVocabulary() throws IOException {
    tokenizer = ClipTokenizer.load(TinyClipVocabulary.writeOpenAiGzip(dir, "tiny.txt.gz"));
  }

  @Test
  void vocabularyIsByteSymbolsWordEndsMergesAndSpecialTokens() {
    assertEquals(TinyClipVocabulary.SIZE, tokenizer.vocabularySize());
    assertEquals(SOT, tokenizer.startOfText());
    assertEquals(EOT, tokenizer.endOfText());
  }

  @Test
  void wordsMergeByLowestRankFirstWithTheWordEndOnTheLastSymbol() {
    assertEncodes("the cat cats", SOT, THE_END, CAT_END, CATS_END, EOT);
    // "cat": c+a (rank 2) comes before a+t</w> (rank 10), so "at</w>" never forms inside it.
    assertEncodes("at cat", SOT, AT_END, CAT_END, EOT);
    // "theta": "th" merges, but "the</w>" needs the word end, so e, t, a</w> stay bytes.
    assertEncodes("theta", SOT, TH, ascii('e'), ascii('t'), ascii('a') + WORD_END, EOT);
  }

  @Test
  void emptyOrBlankTextIsStartEndAndZeros() {
    assertEncodes("", SOT, EOT);
    assertEncodes(" \t\n\u00a0 ", SOT, EOT);
  }

  @Test
  void nonAsciiTextIsEncodedByteByByteInUtf8() {
    assertEncodes("café", SOT, CAFE_ACUTE_END, EOT);
    assertEncodes("é", SOT, E_ACUTE_END, EOT);
    // ü = C3 BC: 'Ã' is id 127, '¼' is id 120 (+256 at the word end).
    assertEncodes("ü", SOT, 127, 120 + WORD_END, EOT);
    // 😀 = F0 9F 98 80: F0 is printable (id 172); 9F, 98, 80 borrow U+0141, U+013A, U+0122.
    assertEncodes("😀", SOT, 172, 253, 246, 222 + WORD_END, EOT);
    // 東京 = E6 9D B1 E4 BA AC, one letter run: 'æ' 162, borrowed 251, '±' 109, 'ä' 160, 'º' 118,
    // '¬' 105.
    assertEncodes("東京", SOT, 162, 251, 109, 160, 118, 105 + WORD_END, EOT);
  }

  @Test
  void contractionsAreSplitOffAsTheirOwnPieces() {
    assertEquals(
        List.of(
            "it", "'s", "we", "'re", "they", "'ve", "i", "'m", "we", "'ll", "he", "'d", "don",
            "'t"),
        ClipTokenizer.preTokens("It's we're they've I'm we'll he'd don't"));
    assertEncodes("it's", SOT, ascii('i'), ascii('t') + WORD_END, APOSTROPHE_S_END, EOT);
  }

  @Test
  void digitsAreSplitOneByOne() {
    assertEquals(
        List.of("route", "6", "6", "in", "2", "0", "2", "4"),
        ClipTokenizer.preTokens("route 66 in 2024"));
    assertEncodes(
        "2024",
        SOT,
        ascii('2') + WORD_END,
        ascii('0') + WORD_END,
        ascii('2') + WORD_END,
        ascii('4') + WORD_END,
        EOT);
  }

  @Test
  void punctuationRunsStayTogetherUntilALetterDigitOrSpace() {
    assertEquals(
        List.of("wow", "!!!", "...?", "(", "yes", ")", "-", "-", "#", "1"),
        ClipTokenizer.preTokens("wow!!! ...? (yes) - - #1"));
    assertEncodes("!!!", SOT, ascii('!'), ascii('!'), ascii('!') + WORD_END, EOT);
  }

  @Test
  void whitespaceCollapsesAndCaseFolds() {
    assertArrayEquals(
        tokenizer.encode("the cat", CONTEXT), tokenizer.encode("  THE\t\n Cat\u00a0 ", CONTEXT));
  }

  @Test
  void longTextIsCutToExactlyTheContextLengthWithTheEndTokenLast() {
    int[] cut = tokenizer.encode("the the the the the the the", 6);
    assertArrayEquals(new int[] {SOT, THE_END, THE_END, THE_END, THE_END, EOT}, cut);
    // Four words fill the row exactly; three leave one zero.
    assertArrayEquals(
        new int[] {SOT, THE_END, THE_END, THE_END, THE_END, EOT},
        tokenizer.encode("the the the the", 6));
    assertArrayEquals(
        new int[] {SOT, THE_END, THE_END, THE_END, EOT, 0}, tokenizer.encode("the the the", 6));
    // A word of several ids is cut inside too.
    assertArrayEquals(new int[] {SOT, 162, EOT}, tokenizer.encode("東京", 3));
    assertArrayEquals(new int[] {SOT, EOT}, tokenizer.encode("the cat", 2));
  }

  @Test
  void contextTooShortForStartAndEndIsRejected() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("the", 1));
    assertEquals(
        "contextLength must leave room for the start and end tokens, but is 1", error.getMessage());
  }

  @Test
  void specialTokenTextInsideACaptionBecomesTheSpecialTokenAsInClip() {
    assertEncodes("the <|endoftext|> cat", SOT, THE_END, EOT, CAT_END, EOT);
    assertEncodes("<|StartOfText|>", SOT, SOT, EOT);
  }

  @Test
  void batchEncodesEachTextInOrder() {
    int[][] batch = tokenizer.encodeBatch(List.of("the", "", "cats"), CONTEXT);
    assertEquals(3, batch.length);
    assertArrayEquals(tokenizer.encode("the", CONTEXT), batch[0]);
    assertArrayEquals(tokenizer.encode("", CONTEXT), batch[1]);
    assertArrayEquals(tokenizer.encode("cats", CONTEXT), batch[2]);
  }

  private static void assertEncodes(String text, int... idsUpToEnd) {
    assertArrayEquals(
        Arrays.copyOf(idsUpToEnd, CONTEXT),
        tokenizer.encode(text, CONTEXT),
        "ids of '" + text + "'");
  }
}
