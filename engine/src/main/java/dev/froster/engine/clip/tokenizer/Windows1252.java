package dev.froster.engine.clip.tokenizer;

/**
 * The Windows-1252 reading of bytes 0x80-0x9F, with the five bytes Windows-1252 leaves undefined
 * kept as the same C1 code point: Python's table for {@code &#128;}..{@code &#159;} and ftfy's
 * "sloppy" decoding of C1 control characters.
 */
final class Windows1252 {
  private static final String C1_RANGE =
      "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
          + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

  private Windows1252() {}

  /** The character that byte {@code b} (0x80..0x9F) stands for in Windows-1252. */
  static char decode(int b) {
    return C1_RANGE.charAt(b - 0x80);
  }
}
