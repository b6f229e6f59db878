package dev.froster.engine.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A tab-separated file with a header row, read whole; every row remembers its line number so that
 * errors can point at it.
 */
final class TsvTable {
  /** One data row. */
  record Row(int line, List<String> fields) {}

  private final Path file;
  private final List<String> header;
  private final List<Row> rows;

  private TsvTable(Path file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  /** Reads {@code file}, requiring the given columns in its header; blank lines are skipped. */
  static TsvTable read(Path file, Set<String> requiredColumns) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DatasetFormatException(file, 0, "file is missing");
    }
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        List<String> fields = Arrays.asList(text.split("\t", -1));
        if (header == null) {
          header = fields;
          for (String column : requiredColumns) {
            if (!header.contains(column)) {
              throw new DatasetFormatException(
                  file, line, "header lacks column '" + column + "' (header: " + header + ")");
            }
          }
          continue;
        }
        if (fields.size() != header.size()) {
          throw new DatasetFormatException(
              file,
              line,
              "expected "
                  + header.size()
                  + " tab-separated fields as in the header, found "
                  + fields.size());
        }
        rows.add(new Row(line, fields));
      }
    }
    if (header == null) {
      throw new DatasetFormatException(file, 0, "file is empty (no header row)");
    }
    return new TsvTable(file, List.copyOf(header), rows);
  }

  Path file() {
    return file;
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  /** The value of {@code column} in {@code row}, or null when the file has no such column. */
  String get(Row row, String column) {
    int index = header.indexOf(column);
    return index < 0 ? null : row.fields().get(index);
  }

  /** The value of a column that must not be blank. */
  String required(Row row, String column) throws DatasetFormatException {
    String value = get(row, column);
    if (value == null || value.isBlank()) {
      throw new DatasetFormatException(file, row.line(), "column '" + column + "' is empty");
    }
    return value.strip();
  }

  /** Writes a header and rows; a field must not contain a tab or a line break. */
  static String format(List<String> header, List<List<String>> rows) {
    StringBuilder text = new StringBuilder();
    append(text, header);
    for (List<String> row : rows) {
      append(text, row);
    }
    return text.toString();
  }

  private static void append(StringBuilder text, List<String> fields) {
    for (String field : fields) {
      if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a TSV field cannot hold a tab or line break: " + field);
      }
    }
    text.append(String.join("\t", fields)).append('\n');
  }
}
