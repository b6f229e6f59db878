package dev.froster.engine.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be read as a video: it is missing, empty, not a media container, has no video
 * stream, or its stream ends early (truncated). The message always names the file.
 */
public class VideoDecodingException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public VideoDecodingException(Path file, String reason) {
    super(message(file, reason));
    this.file = file;
  }

  public VideoDecodingException(Path file, String reason, Throwable cause) {
    super(message(file, reason), cause);
    this.file = file;
  }

  /** The file that failed to decode. */
  public Path file() {
    return file;
  }

  private static String message(Path file, String reason) {
    return "Cannot decode video " + file + ": " + reason;
  }
}
