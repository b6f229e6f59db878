package dev.froster.engine.clip.tokenizer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CLIP's text clean-up before pre-tokenising: {@code whitespace_clean(basic_clean(text)).lower()},
 * where {@code basic_clean} is ftfy, {@code html.unescape} twice and a strip.
 */
final class ClipTextCleaner {
  // The Python 'regex' module's \s is the Unicode White_Space property, as is Java's here.
  private static final Pattern WHITESPACE_RUN =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private static final char CAPITAL_SIGMA = '\u03a3';
  private static final String WITHIN_WORD_PUNCTUATION =
      "'.:\u00b7\u0387\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a";

  private ClipTextCleaner() {}

  static String clean(String text) {
    String cleaned = FtfyTextFixes.fix(text);
    cleaned = stripPythonWhitespace(HtmlUnescaper.unescape(HtmlUnescaper.unescape(cleaned)));
    cleaned = stripPythonWhitespace(WHITESPACE_RUN.matcher(cleaned).replaceAll(" "));
    return lowerCaseAsPython(cleaned);
  }

  /**
   * Python's {@code str.lower()}. Java agrees character by character, but decides whether a capital
   * sigma ends a word by word boundaries, where Python looks at the neighbouring cased and
   * case-ignorable characters ({@code
   * \p{cased}\p{case-ignorable}*Σ!(\p{case-ignorable}*\p{cased})}).
   */
  static String lowerCaseAsPython(String text) {
    int sigma = text.indexOf(CAPITAL_SIGMA);
    if (sigma < 0) {
      return text.toLowerCase(Locale.ROOT);
    }
    StringBuilder lower = new StringBuilder(text.length());
    int from = 0;
    for (; sigma >= 0; sigma = text.indexOf(CAPITAL_SIGMA, from)) {
      lower.append(text.substring(from, sigma).toLowerCase(Locale.ROOT));
      lower.append(isFinalSigma(text, sigma) ? '\u03c2' : '\u03c3');
      from = sigma + 1;
    }
    return lower.append(text.substring(from).toLowerCase(Locale.ROOT)).toString();
  }

  private static boolean isFinalSigma(String text, int at) {
    int before = at;
    int c = 0;
    while (before > 0) {
      c = text.codePointBefore(before);
      before -= Character.charCount(c);
      if (!isCaseIgnorable(c)) {
        break;
      }
    }
    if (at == 0 || isCaseIgnorable(c) || !isCased(c)) {
      return false;
    }
    int after = at + 1;
    while (after < text.length()) {
      c = text.codePointAt(after);
      if (!isCaseIgnorable(c)) {
        return !isCased(c);
      }
      after += Character.charCount(c);
    }
    return true;
  }

  private static boolean isCased(int c) {
    return Character.isLowerCase(c) || Character.isUpperCase(c) || Character.isTitleCase(c);
  }

  // Unicode's Case_Ignorable: marks, format characters, modifier letters and symbols, and the
  // characters that may sit inside a word (Word_Break MidLetter, MidNumLet, Single_Quote).
  private static boolean isCaseIgnorable(int c) {
    switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK,
      Character.ENCLOSING_MARK,
      Character.FORMAT,
      Character.MODIFIER_LETTER,
      Character.MODIFIER_SYMBOL:
        return true;
      default:
        return c < 0x10000 && WITHIN_WORD_PUNCTUATION.indexOf(c) >= 0;
    }
  }

  // Python's str.strip(), with str.isspace()'s idea of whitespace.
  static String stripPythonWhitespace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isPythonSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isPythonSpace(char c) {
    // Character.isWhitespace leaves out the no-break spaces and NEL, which Python counts.
    return Character.isWhitespace(c)
        || c == '\u0085'
        || c == '\u00a0'
        || c == '\u2007'
        || c == '\u202f';
  }
}
