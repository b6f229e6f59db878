package dev.froster.application;

import jakarta.ejb.ApplicationException;

/** A manifest that cannot be imported; the message names the row and the field. */
@ApplicationException(rollback = false)
public class ManifestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int row;
  private final String field;

  public ManifestException(int row, String field, String problem) {
    super("row " + row + (field == null ? "" : ", field " + field) + ": " + problem);
    this.row = row;
    this.field = field;
  }

  /** 1-based number of the data row (the CSV header is not counted). */
  public int row() {
    return row;
  }

  public String field() {
    return field;
  }
}
