package dev.froster.engine.synth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a dataset folder (layout in the package description). Everything is checked
 * before anything is returned: a class id in {@code videos.tsv} that {@code classes.tsv} lacks, a
 * missing file, a malformed line or a bad value is a {@link DatasetFormatException} naming the file
 * and the line.
 */
public final class ActionDatasetReader {
  static final String CLASSES = "classes.tsv";
  static final String VIDEOS = "videos.tsv";
  static final String IMAGES = "images.tsv";
  static final String MANIFEST = "manifest.json";

  static final String DEFAULT_DOMAIN = "default";

  private ActionDatasetReader() {}

  /** Reads the dataset in {@code folder}. */
  public static ActionDataset read(Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new DatasetFormatException(root, 0, "dataset folder does not exist");
    }
    List<ActionClass> classes = readClasses(root.resolve(CLASSES));
    Map<Integer, ActionClass> byId = new HashMap<>();
    classes.forEach(c -> byId.put(c.id(), c));
    List<VideoEntry> videos = readVideos(root, root.resolve(VIDEOS), byId);
    Path imagesFile = root.resolve(IMAGES);
    List<CaptionedImage> images =
        Files.exists(imagesFile) ? readImages(root, imagesFile) : List.of();
    return new ActionDataset(root, classes, videos, images, readManifest(root.resolve(MANIFEST)));
  }

  private static List<ActionClass> readClasses(Path file) throws IOException {
    TsvTable table = TsvTable.read(file, Set.of("id", "name", "description", "split"));
    List<ActionClass> classes = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (TsvTable.Row row : table.rows()) {
      int id = classId(table, row, "id");
      String name = table.required(row, "name");
      ClassSplit split;
      try {
        split = ClassSplit.parse(table.required(row, "split"));
      } catch (IllegalArgumentException e) {
        throw new DatasetFormatException(file, row.line(), e.getMessage());
      }
      if (!ids.add(id)) {
        throw new DatasetFormatException(file, row.line(), "class id " + id + " appears twice");
      }
      if (!names.add(name)) {
        throw new DatasetFormatException(
            file, row.line(), "class name '" + name + "' appears twice");
      }
      classes.add(new ActionClass(id, name, table.required(row, "description"), split));
    }
    if (classes.isEmpty()) {
      throw new DatasetFormatException(file, 0, "no classes");
    }
    return classes;
  }

  private static List<VideoEntry> readVideos(
      Path root, Path file, Map<Integer, ActionClass> classes) throws IOException {
    TsvTable table = TsvTable.read(file, Set.of("path", "class_id"));
    List<String> known = List.of("path", "class_id", "domain", "subset");
    List<VideoEntry> videos = new ArrayList<>();
    for (TsvTable.Row row : table.rows()) {
      int classId = classId(table, row, "class_id");
      if (!classes.containsKey(classId)) {
        throw new DatasetFormatException(
            file,
            row.line(),
            "class id "
                + classId
                + " is not in "
                + root.resolve(CLASSES)
                + " (the class file does"
                + " not match the video list)");
      }
      Path video = existingFile(root, table, row);
      String domain = table.get(row, "domain");
      domain = domain == null || domain.isBlank() ? DEFAULT_DOMAIN : domain.strip();
      String subsetWord = table.get(row, "subset");
      Subset subset;
      try {
        subset = subsetWord == null ? Subset.TRAIN : Subset.parse(subsetWord.strip());
      } catch (IllegalArgumentException e) {
        throw new DatasetFormatException(file, row.line(), e.getMessage());
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String column : table.header()) {
        if (!known.contains(column)) {
          attributes.put(column, table.get(row, column));
        }
      }
      videos.add(new VideoEntry(video, classId, domain, subset, attributes));
    }
    return videos;
  }

  private static List<CaptionedImage> readImages(Path root, Path file) throws IOException {
    TsvTable table = TsvTable.read(file, Set.of("path", "caption"));
    List<CaptionedImage> images = new ArrayList<>();
    for (TsvTable.Row row : table.rows()) {
      images.add(
          new CaptionedImage(existingFile(root, table, row), table.required(row, "caption")));
    }
    return images;
  }

  private static JsonObject readManifest(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new JsonObject();
    }
    try {
      return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new DatasetFormatException(file, 0, "not a JSON object (" + e.getMessage() + ")");
    }
  }

  private static int classId(TsvTable table, TsvTable.Row row, String column)
      throws DatasetFormatException {
    String text = table.required(row, column);
    try {
      int id = Integer.parseInt(text);
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new DatasetFormatException(
          table.file(), row.line(), column + " '" + text + "' is not a non-negative integer");
    }
  }

  /** Resolves the row's {@code path} against the dataset folder; it must be an existing file. */
  private static Path existingFile(Path root, TsvTable table, TsvTable.Row row)
      throws DatasetFormatException {
    String text = table.required(row, "path");
    Path resolved;
    try {
      resolved = root.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw new DatasetFormatException(table.file(), row.line(), "bad path '" + text + "'");
    }
    if (!Files.isRegularFile(resolved)) {
      throw new DatasetFormatException(
          table.file(), row.line(), "file '" + text + "' does not exist (" + resolved + ")");
    }
    return resolved;
  }
}
