package dev.froster.engine.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Metrics as a CSV file: a header of column names, then one row per record (per step, or per
 * epoch), flushed after every row so that a stopped run keeps everything it measured.
 *
 * <p>When a run resumes from step s, {@link #resume} keeps the rows up to s and drops the rows the
 * stopped run wrote after its last checkpoint, so the file of a resumed run equals the file of an
 * uninterrupted run.
 */
public final class MetricsWriter implements AutoCloseable {

  private final Path file;
  private final List<String> columns;
  private final BufferedWriter out;

  private MetricsWriter(Path file, List<String> columns, BufferedWriter out) {
    this.file = file;
    this.columns = List.copyOf(columns);
    this.out = out;
  }

  /** A new file (replacing any old one) with {@code columns} as header. */
  public static MetricsWriter create(Path file, List<String> columns) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    MetricsWriter writer = new MetricsWriter(file, columns, out);
    out.write(String.join(",", columns));
    out.newLine();
    out.flush();
    return writer;
  }

  /**
   * Reopens {@code file} for appending, keeping only rows whose first column (a step or epoch
   * number) is at most {@code lastKept}; a missing file starts afresh.
   *
   * @throws IOException if the existing header differs from {@code columns}
   */
  public static MetricsWriter resume(Path file, List<String> columns, long lastKept)
      throws IOException {
    if (!Files.exists(file)) {
      return create(file, columns);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String header = String.join(",", columns);
    if (lines.isEmpty() || !lines.get(0).equals(header)) {
      throw new IOException(
          file + " has header '" + (lines.isEmpty() ? "" : lines.get(0)) + "', expected " + header);
    }
    List<String> kept = new ArrayList<>();
    kept.add(header);
    for (String line : lines.subList(1, lines.size())) {
      String first = line.split(",", 2)[0];
      if (!first.isEmpty() && Long.parseLong(first) <= lastKept) {
        kept.add(line);
      }
    }
    Files.write(file, kept, StandardCharsets.UTF_8);
    BufferedWriter out =
        Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return new MetricsWriter(file, columns, out);
  }

  public Path file() {
    return file;
  }

  /** Writes one row; {@code values} in the order of the columns. */
  public void row(Object... values) throws IOException {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "metrics row has " + values.length + " values for columns " + columns);
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      Object value = values[i];
      if (value instanceof Double || value instanceof Float) {
        line.append(String.format(Locale.ROOT, "%.8g", ((Number) value).doubleValue()));
      } else {
        line.append(value);
      }
    }
    out.write(line.toString());
    out.newLine();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
