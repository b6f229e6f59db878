package dev.froster.application;

import dev.froster.domain.model.asset.AssetDescription;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import manifest: CSV with a header ({@code uri,title,collection,external_id}, any
 * further column becomes free metadata) or a JSON array of objects ({@code uri}, {@code title},
 * {@code collection}, {@code externalId} or {@code external_id}, {@code metadata} object; other
 * fields become metadata). Every row is checked; the first bad one is reported by number and field.
 */
public final class ManifestReader {

  private static final List<String> CSV_FIELDS =
      List.of("uri", "title", "collection", "external_id");

  private ManifestReader() {}

  public static List<ManifestRow> csv(String text) {
    List<List<String>> records = csvRecords(text == null ? "" : text);
    if (records.isEmpty()) {
      throw new ManifestException(0, null, "the manifest is empty (a header with uri is needed)");
    }
    List<String> header = records.get(0).stream().map(String::strip).toList();
    if (!header.contains("uri")) {
      throw new ManifestException(0, "uri", "the header has no uri column: " + header);
    }
    List<ManifestRow> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> record = records.get(i);
      if (record.size() == 1 && record.get(0).isBlank()) {
        continue;
      }
      if (record.size() != header.size()) {
        throw new ManifestException(
            i, null, "has " + record.size() + " columns, the header has " + header.size());
      }
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, String> metadata = new LinkedHashMap<>();
      for (int column = 0; column < header.size(); column++) {
        String name = header.get(column);
        if (CSV_FIELDS.contains(name)) {
          values.put(name, record.get(column));
        } else if (!record.get(column).isEmpty()) {
          metadata.put(name, record.get(column));
        }
      }
      rows.add(row(i, values.get("uri"), values, metadata));
    }
    return requireRows(rows);
  }

  public static List<ManifestRow> json(String text) {
    JsonArray array;
    try {
      array = Json.createReader(new StringReader(text == null ? "" : text)).readArray();
    } catch (JsonException | IllegalStateException e) {
      throw new ManifestException(0, null, "not a JSON array of objects (" + e.getMessage() + ")");
    }
    List<ManifestRow> rows = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      int row = i + 1;
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw new ManifestException(row, null, "is not a JSON object");
      }
      JsonObject object = array.getJsonObject(i);
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, String> metadata = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> field : object.entrySet()) {
        String name = field.getKey().equals("externalId") ? "external_id" : field.getKey();
        if (name.equals("metadata")) {
          if (field.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ManifestException(row, "metadata", "must be a JSON object");
          }
          field.getValue().asJsonObject().forEach((key, value) -> metadata.put(key, text(value)));
        } else if (CSV_FIELDS.contains(name)) {
          if (field.getValue().getValueType() != JsonValue.ValueType.STRING
              && field.getValue().getValueType() != JsonValue.ValueType.NULL) {
            throw new ManifestException(row, field.getKey(), "must be a string");
          }
          values.put(name, text(field.getValue()));
        } else {
          metadata.put(name, text(field.getValue()));
        }
      }
      rows.add(row(row, values.get("uri"), values, metadata));
    }
    return requireRows(rows);
  }

  private static ManifestRow row(
      int row, String uri, Map<String, String> values, Map<String, String> metadata) {
    if (uri == null || uri.isBlank()) {
      throw new ManifestException(row, "uri", "is missing");
    }
    return new ManifestRow(
        row,
        uri.strip(),
        new AssetDescription(
            values.get("title"), values.get("collection"), values.get("external_id"), metadata));
  }

  private static List<ManifestRow> requireRows(List<ManifestRow> rows) {
    if (rows.isEmpty()) {
      throw new ManifestException(0, null, "the manifest has no rows");
    }
    return rows;
  }

  private static String text(JsonValue value) {
    return switch (value.getValueType()) {
      case NULL -> null;
      case STRING -> ((JsonString) value).getString();
      default -> value.toString();
    };
  }

  /** RFC 4180 records (commons-csv): commas, quoted fields, doubled quotes inside, CRLF or LF. */
  private static List<List<String>> csvRecords(String text) {
    List<List<String>> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
      for (CSVRecord record : parser) {
        records.add(record.toList());
      }
    } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
      throw new ManifestException(
          records.size(), null, "is not valid CSV (" + malformed.getMessage() + ")");
    }
    return records;
  }
}
