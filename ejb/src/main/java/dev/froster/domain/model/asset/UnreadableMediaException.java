package dev.froster.domain.model.asset;

/**
 * An asset's file cannot be probed or segmented: missing, unreadable, empty, not media, truncated.
 * The message is the reason stored on the asset; it names the file.
 */
public class UnreadableMediaException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnreadableMediaException(String reason) {
    super(reason);
  }

  public UnreadableMediaException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
