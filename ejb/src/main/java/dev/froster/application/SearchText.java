package dev.froster.application;

/**
 * The characters a searched text may hold, one rule for the query text, the collection and the tag.
 * Refused: control or binary characters (Unicode categories Cc other than tab, CR and LF, Cf, Co,
 * Cn, unpaired surrogates), which no description, collection name or label contains and which
 * PostgreSQL refuses outright (NUL); and U+FFFD, the replacement character a decoder puts where the
 * request's bytes were not valid UTF-8, so searching for it would search for garbage.
 */
final class SearchText {

  private SearchText() {}

  /**
   * @param parameter the parameter the text came in, named by the refusal
   * @param subject what the text is, starting the reason (e.g. "the query text")
   * @throws InvalidSearchException at the first refused character, giving its position
   */
  static void requireReadable(String parameter, String subject, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD') {
        throw new InvalidSearchException(
            parameter,
            String.format(
                "%s is not valid UTF-8 text (replacement character U+FFFD at position %d)",
                subject, i));
      }
      if (refused(text, i)) {
        throw new InvalidSearchException(
            parameter,
            String.format(
                "%s contains the control or binary character U+%04X at position %d",
                subject, (int) c, i));
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
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
