package dev.froster.engine.clip.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A checkpoint that cannot be used: unreadable, truncated, not CLIP, or a tensor that is missing or
 * has the wrong shape. The message names the file and, where one is at fault, the tensor.
 */
public class CheckpointException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String tensor;

  /** A problem with the file as a whole. */
  public CheckpointException(Path file, String problem) {
    this(file, null, problem, null);
  }

  /** A problem with the file as a whole, caused by {@code cause}. */
  public CheckpointException(Path file, String problem, Throwable cause) {
    this(file, null, problem, cause);
  }

  /** A problem with one tensor of the file. */
  public CheckpointException(Path file, String tensor, String problem, Throwable cause) {
    super(file + (tensor == null ? "" : ": tensor '" + tensor + "'") + ": " + problem, cause);
    this.file = file;
    this.tensor = tensor;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** The tensor at fault, if one is. */
  public Optional<String> tensor() {
    return Optional.ofNullable(tensor);
  }
}
