package dev.froster.engine.clip.tokenizer;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deterministic part of {@code ftfy.fix_text} with its default settings, which CLIP applies to
 * every caption: the fixes run in ftfy's order and repeat until the text no longer changes. ftfy's
 * mojibake repair is not ported (see the package description).
 */
final class FtfyTextFixes {
  private static final int MAX_ROUNDS = 16;
  private static final Pattern C1_CONTROL = Pattern.compile("[\\x80-\\x9f]");
  private static final Pattern SINGLE_CURLY_QUOTE = Pattern.compile("[\\u02bc\\u2018-\\u201b]");
  private static final Pattern DOUBLE_CURLY_QUOTE = Pattern.compile("[\\u201c-\\u201f]");
  private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\\x1b\\[((?:\\d|;)*)([a-zA-Z])");
  // ftfy's CONTROL_CHARS: C0 controls other than tab, line feed, form feed and carriage return,
  // DEL, deprecated format characters, the byte-order mark and interlinear annotation marks.
  private static final Pattern CONTROL_CHARACTER =
      Pattern.compile("[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f\\u206a-\\u206f\\ufeff\\ufff9-\\ufffc]");
  private static final Map<Character, String> LATIN_LIGATURES =
      Map.ofEntries(
          Map.entry('\u0132', "IJ"),
          Map.entry('\u0133', "ij"),
          Map.entry('\u0149', "\u02bcn"),
          Map.entry('\u01f1', "DZ"),
          Map.entry('\u01f2', "Dz"),
          Map.entry('\u01f3', "dz"),
          Map.entry('\u01c4', "D\u017d"),
          Map.entry('\u01c5', "D\u017e"),
          Map.entry('\u01c6', "d\u017e"),
          Map.entry('\u01c7', "LJ"),
          Map.entry('\u01c8', "Lj"),
          Map.entry('\u01c9', "lj"),
          Map.entry('\u01ca', "NJ"),
          Map.entry('\u01cb', "Nj"),
          Map.entry('\u01cc', "nj"),
          Map.entry('\ufb00', "ff"),
          Map.entry('\ufb01', "fi"),
          Map.entry('\ufb02', "fl"),
          Map.entry('\ufb03', "ffi"),
          Map.entry('\ufb04', "ffl"),
          Map.entry('\ufb05', "\u017ft"),
          Map.entry('\ufb06', "st"));

  private FtfyTextFixes() {}

  static String fix(String text) {
    // ftfy's unescape_html="auto": text with a '<' may be HTML source, so entities stay.
    boolean unescapeHtml = text.indexOf('<') < 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String before = text;
      if (unescapeHtml) {
        text = HtmlUnescaper.unescapeCompleteReferences(text);
      }
      text = fixC1Controls(text);
      text = fixLatinLigaturesAndWidth(text);
      text = SINGLE_CURLY_QUOTE.matcher(text).replaceAll("'");
      text = DOUBLE_CURLY_QUOTE.matcher(text).replaceAll("\"");
      text = fixLineBreaks(text);
      text = fixLoneSurrogates(text);
      text = TERMINAL_ESCAPE.matcher(text).replaceAll("");
      text = CONTROL_CHARACTER.matcher(text).replaceAll("");
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
      if (text.equals(before)) {
        break;
      }
    }
    return text;
  }

  private static String fixC1Controls(String text) {
    return C1_CONTROL
        .matcher(text)
        .replaceAll(match -> String.valueOf(Windows1252.decode(match.group().charAt(0))));
  }

  // Ligatures split into letters; full-width and half-width forms (U+FF01..U+FFEF) and the
  // ideographic space become their ordinary characters, as NFKC would do for them alone.
  private static String fixLatinLigaturesAndWidth(String text) {
    StringBuilder fixed = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = LATIN_LIGATURES.get(c);
      if (replacement == null && c == '\u3000') {
        replacement = " ";
      } else if (replacement == null && c >= '\uff01' && c <= '\uffef') {
        String normal = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        replacement = normal.equals(String.valueOf(c)) ? null : normal;
      }
      if (replacement != null && fixed == null) {
        fixed = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (fixed != null) {
        fixed.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return fixed == null ? text : fixed.toString();
  }

  private static String fixLineBreaks(String text) {
    return text.replace("\r\n", "\n")
        .replace('\r', '\n')
        .replace('\u2028', '\n')
        .replace('\u2029', '\n')
        .replace('\u0085', '\n');
  }

  private static String fixLoneSurrogates(String text) {
    StringBuilder fixed = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              : !Character.isLowSurrogate(c)
                  || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
      if (!paired && fixed == null) {
        fixed = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (fixed != null) {
        fixed.append(paired ? c : '\uFFFD');
      }
    }
    return fixed == null ? text : fixed.toString();
  }
}
