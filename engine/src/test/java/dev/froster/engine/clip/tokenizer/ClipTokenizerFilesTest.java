package dev.froster.engine.clip.tokenizer;

import static dev.froster.engine.clip.tokenizer.TinyClipVocabulary.SIZE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading both layouts, writing the bundle's files, and clear errors for bad files. */
class ClipTokenizerFilesTest {
  private static final int CONTEXT = 16;
  private static final List<String> TEXTS =
      List.of(
          "the cat", "Cats! café, it's 2024", "東京 😀 crème brûlée", "", "theta the <|endoftext|>");

  @TempDir Path dir;

  @Test
  void huggingFaceFilesAndOpenAiGzipGiveIdenticalIds() throws IOException {
    ClipTokenizer openAi =
        ClipTokenizer.load(TinyClipVocabulary.writeOpenAiGzip(dir, "tiny.txt.gz"));
    ClipTokenizer huggingFace =
        ClipTokenizer.load(TinyClipVocabulary.writeHuggingFace(dir.resolve("hf"), 0));
    assertEquals(openAi.vocabularySize(), huggingFace.vocabularySize());
    assertArrayEquals(openAi.encodeBatch(TEXTS, CONTEXT), huggingFace.encodeBatch(TEXTS, CONTEXT));
  }

  @Test
  void huggingFaceIdsComeFromVocabJson() throws IOException {
    ClipTokenizer openAi =
        ClipTokenizer.load(TinyClipVocabulary.writeOpenAiGzip(dir, "tiny.txt.gz"));
    ClipTokenizer shifted =
        ClipTokenizer.load(TinyClipVocabulary.writeHuggingFace(dir.resolve("hf"), 7));
    assertEquals((TinyClipVocabulary.SOT + 7) % SIZE, shifted.startOfText());
    assertEquals((TinyClipVocabulary.EOT + 7) % SIZE, shifted.endOfText());
    int[] expected = openAi.encode("the cats café", CONTEXT);
    int[] actual = shifted.encode("the cats café", CONTEXT);
    for (int i = 0; i < CONTEXT; i++) {
      assertEquals(expected[i] == 0 ? 0 : (expected[i] + 7) % SIZE, actual[i], "id at " + i);
    }
  }

  @Test
  void eitherHuggingFaceFileLoadsItsDirectory() throws IOException {
    Path hf = TinyClipVocabulary.writeHuggingFace(dir.resolve("hf"), 0);
    assertEquals(SIZE, ClipTokenizer.load(hf.resolve("vocab.json")).vocabularySize());
    assertEquals(SIZE, ClipTokenizer.load(hf.resolve("merges.txt")).vocabularySize());
  }

  @Test
  void directoryHoldingTheOpenAiFileLoadsIt() throws IOException {
    TinyClipVocabulary.writeOpenAiGzip(dir, ClipTokenizer.OPENAI_MERGES_FILE);
    assertEquals(SIZE, ClipTokenizer.load(dir).vocabularySize());
  }

  @Test
  void writeToProducesHuggingFaceFilesThatLoadBackToTheSameIds(@TempDir Path bundle)
      throws IOException {
    ClipTokenizer original =
        ClipTokenizer.load(TinyClipVocabulary.writeOpenAiGzip(dir, "tiny.txt.gz"));
    original.writeTo(bundle.resolve("tokenizer"));

    Path written = bundle.resolve("tokenizer");
    JsonObject vocab =
        JsonParser.parseString(Files.readString(written.resolve("vocab.json"))).getAsJsonObject();
    assertEquals(SIZE, vocab.size());
    assertEquals(0, vocab.get("!").getAsInt());
    assertEquals(TinyClipVocabulary.CAFE_ACUTE_END, vocab.get("caf\u00c3\u00a9</w>").getAsInt());
    assertEquals(TinyClipVocabulary.EOT, vocab.get("<|endoftext|>").getAsInt());
    List<String> merges = Files.readAllLines(written.resolve("merges.txt"), StandardCharsets.UTF_8);
    assertEquals("#version: 0.2", merges.get(0));
    assertEquals(TinyClipVocabulary.MERGES, merges.subList(1, merges.size()));
    try (Stream<Path> files = Files.list(written)) {
      assertEquals(
          List.of("merges.txt", "vocab.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }

    ClipTokenizer reloaded = ClipTokenizer.load(written);
    assertEquals(original.vocabularySize(), reloaded.vocabularySize());
    assertArrayEquals(original.encodeBatch(TEXTS, CONTEXT), reloaded.encodeBatch(TEXTS, CONTEXT));
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nowhere/bpe_simple_vocab_16e6.txt.gz");
    IOException error = assertThrows(NoSuchFileException.class, () -> ClipTokenizer.load(missing));
    assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
  }

  @Test
  void directoryWithoutVocabularyFilesIsNamed() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    IOException error = assertThrows(IOException.class, () -> ClipTokenizer.load(empty));
    assertTrue(error.getMessage().contains(empty.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("vocab.json"), error.getMessage());
  }

  @Test
  void fileThatIsNotGzipIsNamed() throws IOException {
    Path notGzip = Files.writeString(dir.resolve("vocab.txt.gz"), "\"header\nt h\n");
    assertMessageNames(notGzip, "gzip");
  }

  @Test
  void cutOffGzipIsNamed() throws IOException {
    Path whole = TinyClipVocabulary.writeOpenAiGzip(dir, "whole.txt.gz");
    byte[] bytes = Files.readAllBytes(whole);
    Path cut =
        Files.write(dir.resolve("cut.txt.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertMessageNames(cut, "gzip");
  }

  @Test
  void garbledMergeLineIsNamedWithItsLineNumber() throws IOException {
    Path garbled =
        TinyClipVocabulary.writeGzip(
            dir.resolve("garbled.txt.gz"),
            "\"header\nt h\nthree symbols here\n".getBytes(StandardCharsets.UTF_8));
    assertMessageNames(garbled, "line 3");
  }

  @Test
  void mergesThatAreNotUtf8AreNamed() throws IOException {
    Path latin1 =
        TinyClipVocabulary.writeGzip(
            dir.resolve("latin1.txt.gz"), new byte[] {'#', '\n', 't', ' ', (byte) 0xE9});
    assertMessageNames(latin1, "UTF-8");
  }

  @Test
  void vocabJsonThatIsNotJsonIsNamed() throws IOException {
    Path hf = TinyClipVocabulary.writeHuggingFace(dir.resolve("hf"), 0);
    Files.writeString(hf.resolve("vocab.json"), "{\"!\": 0, \"\\\"\": ");
    IOException error = assertThrows(IOException.class, () -> ClipTokenizer.load(hf));
    assertTrue(
        error.getMessage().contains(hf.resolve("vocab.json").toString()), error.getMessage());
  }

  @Test
  void vocabJsonWithoutTheEndTokenIsNamed() throws IOException {
    Path hf = TinyClipVocabulary.writeHuggingFace(dir.resolve("hf"), 0);
    Path vocabFile = hf.resolve("vocab.json");
    JsonObject vocab = JsonParser.parseString(Files.readString(vocabFile)).getAsJsonObject();
    vocab.remove("<|endoftext|>");
    Files.writeString(vocabFile, vocab.toString());
    IOException error = assertThrows(IOException.class, () -> ClipTokenizer.load(hf));
    assertTrue(error.getMessage().contains(vocabFile.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("<|endoftext|>"), error.getMessage());
  }

  @Test
  void mergeWhoseResultIsMissingFromVocabJsonIsNamed() throws IOException {
    Path hf = TinyClipVocabulary.writeHuggingFace(dir.resolve("hf"), 0);
    Files.writeString(hf.resolve("merges.txt"), "#version: 0.2\nt h\nx y\n");
    IOException error = assertThrows(IOException.class, () -> ClipTokenizer.load(hf));
    assertTrue(error.getMessage().contains("'xy'"), error.getMessage());
    assertTrue(
        error.getMessage().contains("line 3 of " + hf.resolve("merges.txt")), error.getMessage());
  }

  @Test
  void mergesWithoutVocabJsonNamesTheMissingFile() throws IOException {
    Path hf = TinyClipVocabulary.writeHuggingFace(dir.resolve("hf"), 0);
    Files.delete(hf.resolve("vocab.json"));
    IOException error = assertThrows(NoSuchFileException.class, () -> ClipTokenizer.load(hf));
    assertTrue(
        error.getMessage().contains(hf.resolve("vocab.json").toString()), error.getMessage());
  }

  private static void assertMessageNames(Path file, String problem) {
    IOException error = assertThrows(IOException.class, () -> ClipTokenizer.load(file));
    assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }
}
