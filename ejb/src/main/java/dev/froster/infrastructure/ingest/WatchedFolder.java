package dev.froster.infrastructure.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Remembers what the watched folder held at the last poll. A file is ready once its size and
 * modification time are the same at two polls in a row (the copy into the folder has finished); a
 * ready file is handed out once, and again only if it changes. Hidden files and {@code .part} files
 * are ignored.
 */
@ApplicationScoped
public class WatchedFolder {

  private static final int MAX_DEPTH = 8;

  private record Seen(long size, long modifiedMillis) {}

  private final Map<Path, Seen> lastPoll = new HashMap<>();
  private final Map<Path, Seen> handedOut = new HashMap<>();

  /** The files that became ready since the last poll. */
  public synchronized List<Path> poll(Path folder) {
    if (!Files.isDirectory(folder)) {
      lastPoll.clear();
      return List.of();
    }
    Map<Path, Seen> now = new HashMap<>();
    try (Stream<Path> files = Files.walk(folder, MAX_DEPTH)) {
      files
          .filter(WatchedFolder::candidate)
          .forEach(file -> seen(file).ifPresent(s -> now.put(file, s)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the watched folder " + folder, e);
    }
    List<Path> ready = new ArrayList<>();
    now.forEach(
        (file, seen) -> {
          if (seen.equals(lastPoll.get(file)) && !seen.equals(handedOut.get(file))) {
            ready.add(file);
            handedOut.put(file, seen);
          }
        });
    lastPoll.clear();
    lastPoll.putAll(now);
    handedOut.keySet().retainAll(now.keySet());
    ready.sort(null);
    return ready;
  }

  private static boolean candidate(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && !name.endsWith(".part") && Files.isRegularFile(file);
  }

  private static java.util.Optional<Seen> seen(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return java.util.Optional.of(
          new Seen(attributes.size(), attributes.lastModifiedTime().toMillis()));
    } catch (IOException vanished) {
      return java.util.Optional.empty();
    }
  }
}
