package dev.froster.engine.bundle;

import java.io.IOException;
import java.nio.file.Path;

/** A bundle that cannot be written or used; the message names the file at fault. */
public class BundleException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** A problem with {@code file}. */
  public BundleException(Path file, String problem) {
    this(file, problem, null);
  }

  /** A problem with {@code file}, caused by {@code cause}. */
  public BundleException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }
}
