package dev.froster.engine.clip.tokenizer;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The symbols of a CLIP BPE with their ids, and the merges that build them, read from OpenAI's
 * {@code bpe_simple_vocab_16e6.txt.gz} or Hugging Face's {@code vocab.json} + {@code merges.txt}.
 *
 * <p>Every file is checked while it is read, so that encoding can never meet an unknown symbol: the
 * 512 byte symbols, every merge result and both special tokens must have ids.
 */
final class ClipVocabulary {
  static final String START_OF_TEXT = "<|startoftext|>";
  static final String END_OF_TEXT = "<|endoftext|>";
  static final String VOCAB_JSON = "vocab.json";
  static final String MERGES_TXT = "merges.txt";

  /** OpenAI's loader reads only the first 49152 - 256 - 2 merges of the file. */
  static final int CLIP_MERGE_COUNT = 49152 - 256 - 2;

  private static final String MERGES_HEADER = "#version: 0.2";

  private final String[] symbolOfId;
  private final Map<String, Integer> idOfSymbol;
  private final BpeMerges merges;

  private ClipVocabulary(String[] symbolOfId, Map<String, Integer> idOfSymbol, BpeMerges merges) {
    this.symbolOfId = symbolOfId;
    this.idOfSymbol = idOfSymbol;
    this.merges = merges;
  }

  int size() {
    return symbolOfId.length;
  }

  BpeMerges merges() {
    return merges;
  }

  /** The id of a symbol that loading proved present. */
  int idOf(String symbol) {
    return idOfSymbol.get(symbol);
  }

  /**
   * OpenAI's layout: a header line, then one merge per line; ids are the 256 byte symbols, the same
   * with {@code </w>}, the merge results in rank order, then the two special tokens.
   */
  static ClipVocabulary readOpenAiMerges(Path gzipFile) throws IOException {
    byte[] bytes;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipFile))) {
      bytes = in.readAllBytes();
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new IOException(
          "CLIP BPE merges file " + gzipFile + " is not a complete gzip file: " + e.getMessage(),
          e);
    }
    String[] lines = decodeUtf8(bytes, gzipFile).split("\n", -1);
    if (lines.length < 2 || lines[0].isBlank()) {
      throw new IOException(
          "CLIP BPE merges file " + gzipFile + " has no header line and no merges");
    }
    int end = Math.min(lines.length, 1 + CLIP_MERGE_COUNT);
    if (end == lines.length && lines[end - 1].isEmpty()) {
      end--; // the file's final newline
    }
    List<BpeMerges.Pair> pairs = new ArrayList<>(end);
    for (int i = 1; i < end; i++) {
      pairs.add(parseMerge(lines[i], gzipFile, i + 1));
    }
    List<String> symbols = new ArrayList<>(ByteLevelAlphabet.symbols());
    for (String byteSymbol : ByteLevelAlphabet.symbols()) {
      symbols.add(byteSymbol + BpeMerges.WORD_END);
    }
    for (BpeMerges.Pair pair : pairs) {
      symbols.add(pair.merged());
    }
    symbols.add(START_OF_TEXT);
    symbols.add(END_OF_TEXT);
    Map<String, Integer> idOfSymbol = new HashMap<>(symbols.size() * 2);
    for (int id = 0; id < symbols.size(); id++) {
      if (idOfSymbol.putIfAbsent(symbols.get(id), id) != null) {
        throw new IOException(
            "CLIP BPE merges file "
                + gzipFile
                + ": merge on line "
                + (id - 512 + 2)
                + " repeats the symbol '"
                + symbols.get(id)
                + "'");
      }
    }
    return new ClipVocabulary(symbols.toArray(String[]::new), idOfSymbol, new BpeMerges(pairs));
  }

  /** Hugging Face's layout: {@code vocab.json} (symbol to id) and {@code merges.txt}. */
  static ClipVocabulary readHuggingFace(Path directory) throws IOException {
    Path vocabFile = directory.resolve(VOCAB_JSON);
    Path mergesFile = directory.resolve(MERGES_TXT);
    Map<String, Integer> idOfSymbol = readVocabJson(vocabFile);
    String[] symbolOfId = new String[idOfSymbol.size()];
    for (Map.Entry<String, Integer> entry : idOfSymbol.entrySet()) {
      int id = entry.getValue();
      if (id < 0 || id >= symbolOfId.length || symbolOfId[id] != null) {
        throw new IOException(
            vocabFile
                + ": ids must be 0.."
                + (symbolOfId.length - 1)
                + " with none repeated, but '"
                + entry.getKey()
                + "' has "
                + id);
      }
      symbolOfId[id] = entry.getKey();
    }
    String[] lines = decodeUtf8(Files.readAllBytes(mergesFile), mergesFile).split("\n", -1);
    List<BpeMerges.Pair> pairs = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      boolean header = i == 0 && lines[i].startsWith("#version");
      boolean finalNewline = i == lines.length - 1 && lines[i].isEmpty();
      if (!header && !finalNewline) {
        BpeMerges.Pair pair = parseMerge(lines[i], mergesFile, i + 1);
        requireSymbol(
            idOfSymbol, pair.merged(), vocabFile, "merge on line " + (i + 1) + " of " + mergesFile);
        pairs.add(pair);
      }
    }
    for (String byteSymbol : ByteLevelAlphabet.symbols()) {
      requireSymbol(idOfSymbol, byteSymbol, vocabFile, "the byte-level alphabet");
      requireSymbol(
          idOfSymbol, byteSymbol + BpeMerges.WORD_END, vocabFile, "the byte-level alphabet");
    }
    requireSymbol(idOfSymbol, START_OF_TEXT, vocabFile, "CLIP");
    requireSymbol(idOfSymbol, END_OF_TEXT, vocabFile, "CLIP");
    return new ClipVocabulary(symbolOfId, idOfSymbol, new BpeMerges(pairs));
  }

  /** Writes {@code vocab.json} and {@code merges.txt}; each file appears whole or not at all. */
  void writeHuggingFace(Path directory) throws IOException {
    Files.createDirectories(directory);
    JsonObject vocab = new JsonObject();
    for (int id = 0; id < symbolOfId.length; id++) {
      vocab.add(symbolOfId[id], new JsonPrimitive(id));
    }
    String vocabJson = new GsonBuilder().disableHtmlEscaping().create().toJson(vocab);
    StringBuilder mergesTxt = new StringBuilder(MERGES_HEADER).append('\n');
    for (BpeMerges.Pair pair : merges.pairs()) {
      mergesTxt.append(pair.first()).append(' ').append(pair.second()).append('\n');
    }
    writeWhole(directory.resolve(VOCAB_JSON), vocabJson);
    writeWhole(directory.resolve(MERGES_TXT), mergesTxt.toString());
  }

  private static void writeWhole(Path target, String content) throws IOException {
    Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
    try {
      Files.writeString(partial, content, StandardCharsets.UTF_8);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static Map<String, Integer> readVocabJson(Path vocabFile) throws IOException {
    String json = decodeUtf8(Files.readAllBytes(vocabFile), vocabFile);
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new IOException(vocabFile + " is not valid JSON: " + e.getMessage(), e);
    }
    if (!root.isJsonObject() || root.getAsJsonObject().size() == 0) {
      throw new IOException(vocabFile + " must be a JSON object mapping each symbol to its id");
    }
    Map<String, Integer> idOfSymbol = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : root.getAsJsonObject().entrySet()) {
      JsonElement value = entry.getValue();
      if (!value.isJsonPrimitive()
          || !value.getAsJsonPrimitive().isNumber()
          || value.getAsDouble() != Math.rint(value.getAsDouble())) {
        throw new IOException(
            vocabFile + ": the id of '" + entry.getKey() + "' is not an integer: " + value);
      }
      idOfSymbol.put(entry.getKey(), value.getAsInt());
    }
    return idOfSymbol;
  }

  private static BpeMerges.Pair parseMerge(String line, Path file, int lineNumber)
      throws IOException {
    String[] parts = line.strip().split("\\s+");
    if (parts.length != 2 || parts[0].isEmpty()) {
      throw new IOException(
          file
              + " line "
              + lineNumber
              + ": expected a merge of two symbols 'a b' but found '"
              + line
              + "'");
    }
    return new BpeMerges.Pair(parts[0], parts[1]);
  }

  private static void requireSymbol(
      Map<String, Integer> idOfSymbol, String symbol, Path vocabFile, String neededBy)
      throws IOException {
    if (!idOfSymbol.containsKey(symbol)) {
      throw new IOException(vocabFile + " lacks the symbol '" + symbol + "' needed by " + neededBy);
    }
  }

  private static String decodeUtf8(byte[] bytes, Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not UTF-8 text: " + e, e);
    }
  }
}
