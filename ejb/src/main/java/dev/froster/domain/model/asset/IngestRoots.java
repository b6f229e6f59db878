package dev.froster.domain.model.asset;

import dev.froster.domain.model.asset.RefusedSourceException.Reason;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The folders Froster may read media from. A source is accepted only when its real path (symlinks
 * resolved) lies under one of them, so neither {@code ..} nor a symlink can reach other files.
 */
public final class IngestRoots {

  private final List<Path> roots;

  private IngestRoots(List<Path> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("at least one ingest root is needed");
    }
    this.roots = List.copyOf(roots);
  }

  /**
   * Roots from a list separated by the platform's path separator (':' on Linux); blanks ignored.
   */
  public static IngestRoots parse(String pathList) {
    List<Path> roots = new ArrayList<>();
    for (String entry : (pathList == null ? "" : pathList).split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        roots.add(canonical(Path.of(entry.strip())));
      }
    }
    return new IngestRoots(roots);
  }

  public static IngestRoots of(List<Path> roots) {
    return new IngestRoots(roots.stream().map(IngestRoots::canonical).toList());
  }

  /** The first root: uploads are stored under it. */
  public Path first() {
    return roots.get(0);
  }

  public List<Path> all() {
    return roots;
  }

  /**
   * The real path of the regular, readable file a {@code file:} URI names.
   *
   * @throws RefusedSourceException when the URI is not a plain file URI, lies outside the roots
   *     (also through {@code ..} or a symlink), or names no readable regular file
   */
  public Path resolve(String uri) {
    Path path = pathOf(uri);
    if (!path.isAbsolute() || !underARoot(path.normalize())) {
      throw outside(uri);
    }
    Path real;
    try {
      real = path.toRealPath();
    } catch (NoSuchFileException missing) {
      throw new RefusedSourceException(Reason.NO_SUCH_FILE, uri + ": no such file");
    } catch (IOException e) {
      throw new RefusedSourceException(Reason.UNREADABLE, uri + ": cannot be read (" + e + ")");
    }
    if (!underARoot(real)) {
      throw outside(uri);
    }
    return requireReadableFile(real, uri);
  }

  /** Whether a real (symlink-free) path lies under a root. */
  public boolean contains(Path realPath) {
    return underARoot(realPath.toAbsolutePath().normalize());
  }

  /** Checks a path already known to lie under a root (e.g. a file found in the watched folder). */
  public static Path requireReadableFile(Path real, String shownAs) {
    if (!Files.isRegularFile(real)) {
      throw new RefusedSourceException(Reason.NOT_A_REGULAR_FILE, shownAs + ": not a regular file");
    }
    if (!Files.isReadable(real)) {
      throw new RefusedSourceException(Reason.UNREADABLE, shownAs + ": the file is not readable");
    }
    return real;
  }

  private static Path pathOf(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new RefusedSourceException(Reason.NOT_A_FILE_URI, "uri is missing");
    }
    URI parsed;
    try {
      parsed = new URI(uri.strip());
    } catch (URISyntaxException e) {
      throw new RefusedSourceException(
          Reason.NOT_A_FILE_URI, uri + ": not a URI (" + e.getReason() + ")");
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("file")) {
      throw new RefusedSourceException(
          Reason.NOT_A_FILE_URI, uri + ": only file: URIs can be ingested");
    }
    if (parsed.getRawPath() != null && List.of(parsed.getRawPath().split("/")).contains("..")) {
      // Refused before touching the disk: whether the target exists is none of the caller's
      // business.
      throw outside(uri);
    }
    try {
      return Path.of(parsed);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new RefusedSourceException(
          Reason.NOT_A_FILE_URI, uri + ": not a local file URI (" + e.getMessage() + ")");
    }
  }

  private boolean underARoot(Path path) {
    return roots.stream().anyMatch(path::startsWith);
  }

  private static RefusedSourceException outside(String uri) {
    return new RefusedSourceException(
        Reason.OUTSIDE_INGEST_ROOTS, uri + " is outside the ingest roots");
  }

  private static Path canonical(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException notThereYet) {
      return absolute;
    }
  }
}
