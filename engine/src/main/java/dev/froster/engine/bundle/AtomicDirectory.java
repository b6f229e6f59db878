package dev.froster.engine.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates a folder all at once: its content is written into a temporary folder beside the target
 * (same file system, so the final rename is atomic), every file and folder is forced to disk, then
 * the temporary folder is renamed to the target. If writing fails, the temporary folder is removed;
 * if the process dies, only a hidden {@code .<name>.partial-*} folder can remain, never the target.
 */
public final class AtomicDirectory {

  /** Writes the content of the folder being created. */
  @FunctionalInterface
  public interface Content {
    /** Writes into {@code folder} (empty, not yet at its final place). */
    void writeInto(Path folder) throws IOException;
  }

  private AtomicDirectory() {}

  /** Creates {@code target}, which must not exist yet, with the content {@code content} writes. */
  public static void create(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      throw new BundleException(absolute, "already exists: a bundle is never overwritten");
    }
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path partial = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
    boolean moved = false;
    try {
      content.writeInto(partial);
      forceTree(partial);
      try {
        Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new BundleException(absolute, "the file system cannot rename atomically", e);
      }
      moved = true;
      force(parent, true);
    } finally {
      if (!moved) {
        deleteTree(partial);
      }
    }
  }

  private static void forceTree(Path root) throws IOException {
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (Files.isDirectory(path)) {
          folders.add(path);
        } else {
          force(path, false);
        }
      }
    }
    for (Path folder : folders) {
      force(folder, true);
    }
  }

  private static void force(Path path, boolean folder) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems refuse to open folders for syncing; file contents must still be forced
      if (!folder) {
        throw e;
      }
    }
  }

  /** Deletes a folder and everything in it; missing is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
