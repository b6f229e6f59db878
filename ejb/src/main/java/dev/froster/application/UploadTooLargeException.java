package dev.froster.application;

import jakarta.ejb.ApplicationException;

/** An upload larger than {@code froster.ingest.max-upload-bytes}. */
@ApplicationException(rollback = false)
public class UploadTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  public UploadTooLargeException(long limitBytes) {
    super(
        "the upload is larger than the limit of "
            + limitBytes
            + " bytes (froster.ingest.max-upload-bytes)");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
