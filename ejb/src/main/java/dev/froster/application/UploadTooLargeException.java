package dev.froster.application;

import jakarta.ejb.ApplicationException;

/** An upload larger than its limit ({@code froster.ingest.max-upload-bytes} for media). */
@ApplicationException(rollback = false)
public class UploadTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  public UploadTooLargeException(long limitBytes) {
    this(limitBytes, "froster.ingest.max-upload-bytes");
  }

  /**
   * @param limit where the limit comes from, for the message: a setting, or what the limit bounds
   */
  public UploadTooLargeException(long limitBytes, String limit) {
    super("the upload is larger than the limit of " + limitBytes + " bytes (" + limit + ")");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
