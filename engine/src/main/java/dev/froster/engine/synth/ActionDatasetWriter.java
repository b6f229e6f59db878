package dev.froster.engine.synth;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes the index files of a dataset whose videos and images are already in place. Each file is
 * written under a temporary name and renamed; {@code manifest.json} comes last, so a folder with a
 * manifest is complete.
 */
public final class ActionDatasetWriter {
  private ActionDatasetWriter() {}

  public static void write(
      Path folder,
      List<ActionClass> classes,
      List<VideoEntry> videos,
      List<CaptionedImage> images,
      JsonObject manifest)
      throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    Files.createDirectories(root);
    List<List<String>> classRows = new ArrayList<>();
    for (ActionClass c : classes) {
      classRows.add(List.of(String.valueOf(c.id()), c.name(), c.description(), c.split().word()));
    }
    writeAtomically(
        root.resolve(ActionDatasetReader.CLASSES),
        TsvTable.format(List.of("id", "name", "description", "split"), classRows));

    TreeSet<String> attributeColumns = new TreeSet<>();
    videos.forEach(v -> attributeColumns.addAll(v.attributes().keySet()));
    List<String> videoHeader = new ArrayList<>(List.of("path", "class_id", "domain", "subset"));
    videoHeader.addAll(attributeColumns);
    List<List<String>> videoRows = new ArrayList<>();
    for (VideoEntry v : videos) {
      List<String> row = new ArrayList<>();
      row.add(relative(root, v.file()));
      row.add(String.valueOf(v.classId()));
      row.add(v.domain());
      row.add(v.subset().word());
      attributeColumns.forEach(column -> row.add(v.attributes().getOrDefault(column, "")));
      videoRows.add(row);
    }
    writeAtomically(
        root.resolve(ActionDatasetReader.VIDEOS), TsvTable.format(videoHeader, videoRows));

    List<List<String>> imageRows = new ArrayList<>();
    for (CaptionedImage image : images) {
      imageRows.add(List.of(relative(root, image.file()), image.caption()));
    }
    writeAtomically(
        root.resolve(ActionDatasetReader.IMAGES),
        TsvTable.format(List.of("path", "caption"), imageRows));

    String json = new GsonBuilder().setPrettyPrinting().create().toJson(manifest) + "\n";
    writeAtomically(root.resolve(ActionDatasetReader.MANIFEST), json);
  }

  /** Paths inside the folder are stored relative to it (with '/'), others absolute. */
  private static String relative(Path root, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (absolute.startsWith(root)) {
      return root.relativize(absolute).toString().replace('\\', '/');
    }
    return absolute.toString();
  }

  static void writeAtomically(Path target, String text) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    Files.writeString(part, text, StandardCharsets.UTF_8);
    moveIntoPlace(part, target);
  }

  static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
