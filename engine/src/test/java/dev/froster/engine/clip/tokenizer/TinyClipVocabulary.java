package dev.froster.engine.clip.tokenizer;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A ten-merge CLIP vocabulary written by the tests themselves, in OpenAI's and in Hugging Face's
 * layout, so that a fresh clone tests the tokenizer without the shared fixtures.
 *
 * <p>Ids: byte symbols 0..255 ('!' is 0, so a printable ASCII character c is c - 33), the same with
 * {@code </w>} 256..511, the merges below 512..522, start of text 523, end of text 524.
 */
final class TinyClipVocabulary {
  static final int SIZE = 525;
  static final int SOT = 523;
  static final int EOT = 524;
  static final int TH = 512;
  static final int THE_END = 513;
  static final int CAT_END = 515;
  static final int APOSTROPHE_S_END = 516;
  static final int CATS_END = 518;
  static final int E_ACUTE_END = 519;
  static final int CAFE_ACUTE_END = 521;
  static final int AT_END = 522;

  /** Rank order; 'Ã' '©' are the byte symbols of é's UTF-8 bytes C3 A9. */
  static final List<String> MERGES =
      List.of(
          "t h", // 512 th
          "th e</w>", // 513 the</w>
          "c a", // 514 ca
          "ca t</w>", // 515 cat</w>
          "' s</w>", // 516 's</w>
          "ca t", // 517 cat
          "cat s</w>", // 518 cats</w>
          "\u00c3 \u00a9</w>", // 519 é</w>
          "ca f", // 520 caf
          "caf \u00c3\u00a9</w>", // 521 café</w>
          "a t</w>"); // 522 at</w>, ranked after "ca t</w>"

  private TinyClipVocabulary() {}

  /** The id of a printable ASCII character as a byte symbol (add 256 for its {@code </w>} form). */
  static int ascii(char c) {
    return c - '!';
  }

  static Path writeOpenAiGzip(Path dir, String fileName) throws IOException {
    StringBuilder text = new StringBuilder("\"tiny_vocab.txt#version: 0.2\n");
    MERGES.forEach(merge -> text.append(merge).append('\n'));
    return writeGzip(dir.resolve(fileName), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static Path writeGzip(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
    return file;
  }

  /** vocab.json + merges.txt with every id shifted by {@code shift} (mod SIZE). */
  static Path writeHuggingFace(Path dir, int shift) throws IOException {
    Files.createDirectories(dir);
    List<String> symbols = symbolsInOpenAiOrder();
    JsonObject vocab = new JsonObject();
    for (int id = 0; id < symbols.size(); id++) {
      vocab.addProperty(symbols.get(id), (id + shift) % SIZE);
    }
    Files.writeString(dir.resolve("vocab.json"), vocab.toString());
    Files.writeString(
        dir.resolve("merges.txt"), "#version: 0.2\n" + String.join("\n", MERGES) + "\n");
    return dir;
  }

  // Written out here, independently of ByteLevelAlphabet, as CLIP's bytes_to_unicode() builds it.
  static List<String> symbolsInOpenAiOrder() {
    List<Integer> printable = new ArrayList<>();
    List<Integer> borrowed = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      boolean isPrintable =
          (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
      (isPrintable ? printable : borrowed).add(b);
    }
    List<String> bytes = new ArrayList<>();
    printable.forEach(b -> bytes.add(String.valueOf((char) (int) b)));
    for (int n = 0; n < borrowed.size(); n++) {
      bytes.add(String.valueOf((char) (256 + n)));
    }
    List<String> symbols = new ArrayList<>(bytes);
    bytes.forEach(b -> symbols.add(b + "</w>"));
    MERGES.forEach(merge -> symbols.add(merge.replace(" ", "")));
    symbols.add("<|startoftext|>");
    symbols.add("<|endoftext|>");
    return symbols;
  }
}
