package dev.froster.application;

/**
 * The free text an archivist types, e.g. "a person jumping into water".
 *
 * <p>Refused (naming parameter {@code q}): empty or blank text, more than {@link #MAX_LENGTH}
 * characters, and control or binary characters (anything in Unicode categories Cc, Cf other than
 * ordinary spaces, Co, Cn, or unpaired surrogates), which no action description contains.
 */
public record SearchQuery(String text) {

  /** Longer texts are refused: CLIP's context is 77 tokens, 512 characters is far beyond it. */
  public static final int MAX_LENGTH = 512;

  public SearchQuery {
    if (text == null || text.isBlank()) {
      throw new InvalidSearchException("q", "the query text is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSearchException(
          "q",
          "the query text has "
              + text.length()
              + " characters, at most "
              + MAX_LENGTH
              + " allowed");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (refused(text, i)) {
        throw new InvalidSearchException(
            "q",
            String.format(
                "the query text contains the control or binary character U+%04X at position %d",
                (int) c, i));
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
  }

  /**
   * The form the cache and the cursor use: spaces trimmed and runs of white space collapsed, so
   * that "run " and "run" are one query.
   */
  public String normalised() {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static boolean refused(String text, int i) {
    char c = text.charAt(i);
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED;
  }
}
