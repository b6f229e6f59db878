package dev.froster.domain.model.asset;

import jakarta.ejb.ApplicationException;

/** A file offered for ingest that Froster will not take; the message names the file and why. */
@ApplicationException(rollback = false)
public class RefusedSourceException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Why a source is refused; each becomes its own problem type in the REST API. */
  public enum Reason {
    OUTSIDE_INGEST_ROOTS,
    NOT_A_FILE_URI,
    NO_SUCH_FILE,
    NOT_A_REGULAR_FILE,
    UNREADABLE
  }

  private final Reason reason;

  public RefusedSourceException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
