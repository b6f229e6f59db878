package dev.froster.engine.clip.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIP's (and GPT-2's) {@code bytes_to_unicode()}: every byte value gets one printable,
 * non-whitespace character, so that BPE can work on strings and never meets an unknown symbol.
 *
 * <p>Printable bytes ({@code '!'..'~'}, {@code '¡'..'¬'}, {@code '®'..'ÿ'}) stand for themselves;
 * the other 68 bytes take {@code U+0100}, {@code U+0101}, ... in byte order.
 */
final class ByteLevelAlphabet {
  private static final char[] CHAR_OF_BYTE = new char[256];

  static {
    int borrowed = 0;
    for (int b = 0; b < 256; b++) {
      CHAR_OF_BYTE[b] = isPrintable(b) ? (char) b : (char) (256 + borrowed++);
    }
  }

  private ByteLevelAlphabet() {}

  private static boolean isPrintable(int b) {
    return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
  }

  /** The UTF-8 bytes of {@code text}, one alphabet character per byte. */
  static String encode(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    char[] symbols = new char[utf8.length];
    for (int i = 0; i < utf8.length; i++) {
      symbols[i] = CHAR_OF_BYTE[utf8[i] & 0xFF];
    }
    return new String(symbols);
  }

  /**
   * The 256 one-byte symbols in CLIP's vocabulary order: the printable bytes first, then the
   * borrowed characters, which is ascending character order.
   */
  static List<String> symbols() {
    List<String> symbols = new ArrayList<>(256);
    for (int b = 0; b < 256; b++) {
      if (isPrintable(b)) {
        symbols.add(String.valueOf(CHAR_OF_BYTE[b]));
      }
    }
    for (int b = 0; b < 256; b++) {
      if (!isPrintable(b)) {
        symbols.add(String.valueOf(CHAR_OF_BYTE[b]));
      }
    }
    return symbols;
  }
}
