package dev.froster.infrastructure.vocabulary;

import dev.froster.application.TermImport;
import dev.froster.domain.model.vocabulary.InvalidVocabularyException;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Terms as CSV (RFC 4180, UTF-8): a header naming the columns {@code label} (required), {@code
 * description} and {@code synonyms} in any order, then one row per term; synonyms are separated by
 * {@code |}. Rows are numbered as records, the header being row 1. At most {@link #MAX_TERMS}
 * terms.
 */
public final class VocabularyCsv {

  /** Terms one file may hold. */
  public static final int MAX_TERMS = 10_000;

  private static final List<String> COLUMNS = List.of("label", "description", "synonyms");
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setRecordSeparator("\n").get();

  private VocabularyCsv() {}

  /**
   * Reads UTF-8 bytes (a leading byte order mark is allowed).
   *
   * @throws InvalidVocabularyException naming the row and field of the first problem
   */
  public static TermImport read(byte[] utf8) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      throw new InvalidVocabularyException("the CSV file is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\0') >= 0) {
      throw new InvalidVocabularyException("the CSV file is binary (it contains NUL characters)");
    }
    return read(text);
  }

  /**
   * @throws InvalidVocabularyException naming the row and field of the first problem
   */
  public static TermImport read(String text) {
    List<TermDraft> terms = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Header header = null;
      for (CSVRecord record : parser) {
        long row = record.getRecordNumber();
        if (header == null) {
          header = header(record);
          continue;
        }
        if (record.size() != header.width()) {
          throw new InvalidVocabularyException(
              "row "
                  + row
                  + ": has "
                  + record.size()
                  + " fields, the header has "
                  + header.width());
        }
        if (terms.size() == MAX_TERMS) {
          throw new InvalidVocabularyException(
              "row " + row + ": the file has more than " + MAX_TERMS + " terms");
        }
        String where = "row " + row;
        terms.add(
            TermDraft.of(
                where,
                header.field(record, 0),
                header.field(record, 1),
                synonyms(header.field(record, 2))));
        positions.add(where);
      }
      if (header == null) {
        throw new InvalidVocabularyException(
            "the CSV file is empty (a header label,description,synonyms is needed)");
      }
    } catch (IOException | UncheckedIOException | IllegalStateException broken) {
      // commons-csv reports a broken quote as an I/O problem naming the line
      throw new InvalidVocabularyException("the CSV file is malformed: " + broken.getMessage());
    }
    VocabularyDraft.requireDistinctWordings(terms, positions::get);
    return new TermImport(terms, positions);
  }

  /** The terms as CSV with a header, in order; reading it back gives the same terms. */
  public static String write(List<TermDraft> terms) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(COLUMNS);
      for (TermDraft term : terms) {
        printer.printRecord(
            term.label(),
            term.description() == null ? "" : term.description(),
            String.join(TermDraft.SYNONYM_SEPARATOR, term.synonyms()));
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toString();
  }

  /** Where the columns are in a row (-1: absent), and how many fields a row has. */
  private record Header(int[] columns, int width) {

    String field(CSVRecord record, int column) {
      return columns[column] < 0 ? null : record.get(columns[column]);
    }
  }

  private static Header header(CSVRecord record) {
    int[] columns = {-1, -1, -1};
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).strip().toLowerCase(Locale.ROOT);
      int known = COLUMNS.indexOf(name);
      if (known < 0) {
        throw new InvalidVocabularyException(
            "row 1: unknown column '" + record.get(i) + "', the columns are " + COLUMNS);
      }
      if (columns[known] >= 0) {
        throw new InvalidVocabularyException("row 1: column '" + name + "' appears twice");
      }
      columns[known] = i;
    }
    if (columns[0] < 0) {
      throw new InvalidVocabularyException(
          "row 1: the header has no label column (label,description,synonyms expected)");
    }
    return new Header(columns, record.size());
  }

  private static List<String> synonyms(String field) {
    if (field == null || field.isBlank()) {
      return List.of();
    }
    return Arrays.asList(field.split("\\|", -1));
  }
}
