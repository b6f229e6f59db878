package dev.froster.interfaces.rest;

import java.util.Optional;

/**
 * One satisfiable byte range of a file (RFC 9110 section 14), inclusive at both ends, as asked by a
 * {@code Range: bytes=...} header.
 *
 * @param first the first byte, 0-based
 * @param last the last byte, inclusive
 * @param length the file's length
 */
record ByteRange(long first, long last, long length) {

  /** What a {@code Range} header asks of a file of {@code length} bytes. */
  sealed interface Request permits Whole, Part, Unsatisfiable {}

  /** No header, another unit, a malformed or multi-range header: the whole file (200). */
  record Whole() implements Request {}

  /** One satisfiable range (206). */
  record Part(ByteRange range) implements Request {}

  /** A range that starts beyond the end (416). */
  record Unsatisfiable() implements Request {}

  long size() {
    return last - first + 1;
  }

  /** The {@code Content-Range} header value of this part. */
  String contentRange() {
    return "bytes " + first + "-" + last + "/" + length;
  }

  /**
   * Reads {@code header} for a file of {@code length} bytes. A header the server cannot parse is
   * ignored (RFC 9110: a server may ignore Range), as are several ranges, which browsers do not ask
   * for video.
   */
  static Request of(String header, long length) {
    if (header == null) {
      return new Whole();
    }
    String value = header.trim();
    if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
      return new Whole();
    }
    String spec = value.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new Whole();
    }
    Optional<Long> from = number(spec.substring(0, dash));
    Optional<Long> to = number(spec.substring(dash + 1));
    if (from.isEmpty() && to.isEmpty()) {
      return new Whole();
    }
    if (from.isEmpty()) {
      // "bytes=-n": the last n bytes
      long suffix = to.get();
      if (suffix == 0 || length == 0) {
        return new Unsatisfiable();
      }
      return new Part(new ByteRange(Math.max(0, length - suffix), length - 1, length));
    }
    long first = from.get();
    if (to.isPresent() && to.get() < first) {
      return new Whole();
    }
    if (first >= length) {
      return new Unsatisfiable();
    }
    long last = to.map(end -> Math.min(end, length - 1)).orElse(length - 1);
    return new Part(new ByteRange(first, last, length));
  }

  private static Optional<Long> number(String text) {
    String digits = text.trim();
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }
}
