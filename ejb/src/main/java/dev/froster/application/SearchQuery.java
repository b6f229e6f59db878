package dev.froster.application;

/**
 * The free text an archivist types, e.g. "a person jumping into water".
 *
 * <p>Refused (naming parameter {@code q}): empty or blank text, more than {@link #MAX_LENGTH}
 * characters, and the characters {@link SearchText} refuses (control or binary characters, and
 * U+FFFD left by invalid UTF-8).
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
    SearchText.requireReadable("q", "the query text", text);
  }

  /**
   * The form the cache and the cursor use: spaces trimmed and runs of white space collapsed, so
   * that "run " and "run" are one query.
   */
  public String normalised() {
    return text.strip().replaceAll("\\s+", " ");
  }
}
