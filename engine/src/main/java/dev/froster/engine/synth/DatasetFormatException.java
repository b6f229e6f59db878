package dev.froster.engine.synth;

import java.io.IOException;
import java.nio.file.Path;

/** A dataset file is malformed or inconsistent; the message names the file and the line. */
public class DatasetFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  /**
   * @param file the offending file
   * @param line 1-based line number, or 0 when the problem is the file as a whole
   * @param problem what is wrong
   */
  public DatasetFormatException(Path file, int line, String problem) {
    super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** 1-based line number, 0 for the file as a whole. */
  public int line() {
    return line;
  }
}
