package dev.froster.engine.clip.tokenizer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's text tokenizer: gives exactly the token ids of OpenAI's {@code clip.tokenize} (byte-level
 * BPE over {@code bpe_simple_vocab_16e6}, start and end tokens, zero padding, truncation that keeps
 * the end token). Thread-safe; the per-word cache is shared by all callers.
 */
public final class ClipTokenizer {
  /** The file OpenAI released with CLIP, looked for when {@link #load} is given a directory. */
  public static final String OPENAI_MERGES_FILE = "bpe_simple_vocab_16e6.txt.gz";

  // OpenAI's pattern, used on lower-cased text; IGNORECASE as in the original, so "'ſ" is "'s".
  private static final Pattern PRE_TOKEN =
      Pattern.compile(
          "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d"
              + "|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  // Bounds memory in a long-running server; CLIP's own cache grows without limit.
  private static final int MAX_CACHED_WORDS = 100_000;

  private final ClipVocabulary vocabulary;
  private final int startOfText;
  private final int endOfText;
  private final Map<String, int[]> idsOfWord = new ConcurrentHashMap<>();

  private ClipTokenizer(ClipVocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.startOfText = vocabulary.idOf(ClipVocabulary.START_OF_TEXT);
    this.endOfText = vocabulary.idOf(ClipVocabulary.END_OF_TEXT);
  }

  /**
   * Loads OpenAI's {@code bpe_simple_vocab_16e6.txt.gz} (or any {@code .gz} in its layout), a
   * directory with Hugging Face's {@code vocab.json} + {@code merges.txt} (or one of those two
   * files), or a directory holding {@value #OPENAI_MERGES_FILE} or a single {@code *.txt.gz}.
   *
   * @throws IOException naming the file when it is missing, unreadable or not a CLIP vocabulary
   */
  public static ClipTokenizer load(Path fileOrDir) throws IOException {
    Objects.requireNonNull(fileOrDir, "fileOrDir");
    if (!Files.exists(fileOrDir)) {
      throw new NoSuchFileException(
          fileOrDir.toString(), null, "no CLIP tokenizer vocabulary here");
    }
    if (!Files.isDirectory(fileOrDir)) {
      String name = String.valueOf(fileOrDir.getFileName());
      boolean huggingFaceFile =
          name.equals(ClipVocabulary.VOCAB_JSON) || name.equals(ClipVocabulary.MERGES_TXT);
      return new ClipTokenizer(
          huggingFaceFile
              ? ClipVocabulary.readHuggingFace(fileOrDir.toAbsolutePath().getParent())
              : ClipVocabulary.readOpenAiMerges(fileOrDir));
    }
    if (Files.isRegularFile(fileOrDir.resolve(ClipVocabulary.VOCAB_JSON))
        || Files.isRegularFile(fileOrDir.resolve(ClipVocabulary.MERGES_TXT))) {
      return new ClipTokenizer(ClipVocabulary.readHuggingFace(fileOrDir));
    }
    Path openAiFile = fileOrDir.resolve(OPENAI_MERGES_FILE);
    if (Files.isRegularFile(openAiFile)) {
      return new ClipTokenizer(ClipVocabulary.readOpenAiMerges(openAiFile));
    }
    List<Path> gzipFiles = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(fileOrDir, "*.txt.gz")) {
      stream.forEach(gzipFiles::add);
    }
    if (gzipFiles.size() == 1) {
      return new ClipTokenizer(ClipVocabulary.readOpenAiMerges(gzipFiles.get(0)));
    }
    throw new NoSuchFileException(
        fileOrDir.toString(),
        null,
        "expected "
            + ClipVocabulary.VOCAB_JSON
            + " + "
            + ClipVocabulary.MERGES_TXT
            + " or "
            + OPENAI_MERGES_FILE
            + " in this directory");
  }

  /**
   * The ids of {@code text} as one row of {@code contextLength}: start token, BPE ids, end token,
   * then zeros; a longer text is cut so that the end token is the last id.
   */
  public int[] encode(String text, int contextLength) {
    Objects.requireNonNull(text, "text");
    if (contextLength < 2) {
      throw new IllegalArgumentException(
          "contextLength must leave room for the start and end tokens, but is " + contextLength);
    }
    int[] row = new int[contextLength]; // zero padding
    int length = 0;
    row[length++] = startOfText;
    for (String preToken : preTokens(text)) {
      if (length == contextLength) {
        break;
      }
      for (int id : idsOf(ByteLevelAlphabet.encode(preToken))) {
        if (length == contextLength) {
          break;
        }
        row[length++] = id;
      }
    }
    // As clip.tokenize(truncate=True): the end token follows the text or replaces the last id.
    row[Math.min(length, contextLength - 1)] = endOfText;
    return row;
  }

  /** The cleaned, lower-cased text cut by CLIP's pattern, before the byte-level mapping. */
  static List<String> preTokens(String text) {
    List<String> preTokens = new ArrayList<>();
    Matcher matcher = PRE_TOKEN.matcher(ClipTextCleaner.clean(text));
    while (matcher.find()) {
      preTokens.add(matcher.group());
    }
    return preTokens;
  }

  /** {@link #encode} for each text, in order: an {@code [texts.size()][contextLength]} batch. */
  public int[][] encodeBatch(List<String> texts, int contextLength) {
    int[][] batch = new int[texts.size()][];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = encode(texts.get(i), contextLength);
    }
    return batch;
  }

  /**
   * Writes Hugging Face's {@code vocab.json} + {@code merges.txt}, which {@link #load} reads back.
   */
  public void writeTo(Path dir) throws IOException {
    vocabulary.writeHuggingFace(dir);
  }

  public int vocabularySize() {
    return vocabulary.size();
  }

  public int startOfText() {
    return startOfText;
  }

  public int endOfText() {
    return endOfText;
  }

  private int[] idsOf(String word) {
    int[] cached = idsOfWord.get(word);
    if (cached != null) {
      return cached;
    }
    int[] ids;
    if (word.equals(ClipVocabulary.START_OF_TEXT) || word.equals(ClipVocabulary.END_OF_TEXT)) {
      ids = new int[] {vocabulary.idOf(word)}; // CLIP's cache holds the special tokens whole
    } else {
      ids = vocabulary.merges().apply(word).stream().mapToInt(vocabulary::idOf).toArray();
    }
    if (idsOfWord.size() >= MAX_CACHED_WORDS) {
      idsOfWord.clear();
    }
    idsOfWord.put(word, ids);
    return ids;
  }
}
