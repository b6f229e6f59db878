package dev.froster.engine.demo;

import dev.froster.engine.synth.PlannedClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The two tables of a demo catalogue: {@code moments.tsv} and {@code vocabulary.csv}. */
public final class CatalogueFiles {
  static final String MOMENTS_HEADER = "file\tstart_ms\tend_ms\tclass";
  static final String VOCABULARY_HEADER = "label,description,synonyms";

  private CatalogueFiles() {}

  /** Writes {@code moments} as a TSV with the header {@value #MOMENTS_HEADER}. */
  public static void writeMoments(Path target, List<CatalogueMoment> moments) throws IOException {
    StringBuilder text = new StringBuilder(MOMENTS_HEADER).append('\n');
    for (CatalogueMoment m : moments) {
      text.append(m.file())
          .append('\t')
          .append(m.startMillis())
          .append('\t')
          .append(m.endMillis())
          .append('\t')
          .append(m.className())
          .append('\n');
    }
    writeAtomically(target, text.toString());
  }

  /**
   * Reads a moments table.
   *
   * @throws IOException if the file is missing or a line is malformed (the message names the file
   *     and line)
   */
  public static List<CatalogueMoment> readMoments(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(MOMENTS_HEADER)) {
      throw new IOException(
          source + ": line 1 must be the header '" + MOMENTS_HEADER.replace("\t", "<TAB>") + "'");
    }
    List<CatalogueMoment> moments = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      try {
        if (fields.length != 4) {
          throw new IllegalArgumentException(
              "expected 4 tab-separated fields, found " + fields.length);
        }
        moments.add(
            new CatalogueMoment(
                fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]), fields[3]));
      } catch (IllegalArgumentException e) {
        throw new IOException(source + ": line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (moments.isEmpty()) {
      throw new IOException(source + ": no moments");
    }
    return moments;
  }

  /** Writes the classes as {@value #VOCABULARY_HEADER} rows (no synonyms). */
  public static void writeVocabulary(Path target, List<PlannedClass> classes) throws IOException {
    StringBuilder text = new StringBuilder(VOCABULARY_HEADER).append('\n');
    for (PlannedClass c : classes) {
      text.append(csvField(c.name())).append(',').append(csvField(c.description())).append(",\n");
    }
    writeAtomically(target, text.toString());
  }

  /** One row of {@code vocabulary.csv}: an action's label and its description. */
  public record VocabularyEntry(String label, String description) {}

  /**
   * Reads a vocabulary table ({@value #VOCABULARY_HEADER}, RFC 4180 quoting; synonyms are ignored).
   *
   * @throws IOException if the file is missing or a row is malformed (the message names the file
   *     and line)
   */
  public static List<VocabularyEntry> readVocabulary(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(VOCABULARY_HEADER)) {
      throw new IOException(source + ": line 1 must be the header '" + VOCABULARY_HEADER + "'");
    }
    List<VocabularyEntry> entries = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> fields = csvFields(lines.get(i));
      if (fields.size() != 3 || fields.get(0).isBlank()) {
        throw new IOException(
            source + ": line " + (i + 1) + ": expected label,description,synonyms with a label");
      }
      entries.add(new VocabularyEntry(fields.get(0), fields.get(1)));
    }
    if (entries.isEmpty()) {
      throw new IOException(source + ": no actions");
    }
    return entries;
  }

  /** The fields of one CSV line (quoted fields may hold commas and doubled quotes). */
  static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  /** RFC 4180 quoting, only where a field needs it. */
  static String csvField(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    Files.writeString(part, text, StandardCharsets.UTF_8);
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
