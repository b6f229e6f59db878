package dev.froster.application;

import jakarta.ejb.ApplicationException;

/** A new asset would take an external id its collection already gives another asset. */
@ApplicationException(rollback = true)
public class AssetConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int row;

  public AssetConflictException(int row, String message) {
    super(message);
    this.row = row;
  }

  /** The manifest row that conflicts, 0 outside manifests. */
  public int row() {
    return row;
  }
}
