package dev.froster.engine.clip.tokenizer;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns a byte-level BPE vocabulary from a corpus of captions in CLIP's scheme, so that {@link
 * ClipTokenizer} encodes with it exactly as it encodes with OpenAI's vocabulary.
 *
 * <p>The corpus is cut as the tokenizer cuts text (CLIP's cleaning, lower-casing and pre-token
 * pattern, UTF-8 bytes as {@link ByteLevelAlphabet} characters, the last symbol of every pre-token
 * carrying {@code </w>}). Then, as Sennrich et al.'s BPE: count every adjacent symbol pair over all
 * pre-tokens weighted by frequency, merge the most frequent pair everywhere (left to right, without
 * overlap, as {@link BpeMerges#apply} does), repeat until the merge budget is spent or every
 * pre-token is one symbol. <b>Ties</b> between equally frequent pairs go to the pair whose first
 * symbol, then second symbol, is smallest in {@link String#compareTo} order, so that the result is
 * a function of the corpus alone.
 *
 * <p>The vocabulary is CLIP's layout: the 256 byte symbols, the same with {@code </w>}, the merge
 * results in merge order, then {@code <|startoftext|>} and {@code <|endoftext|>}. Two merges can
 * build the same string ("a bc" and "ab c"); such a string keeps the id of its first merge, so the
 * vocabulary can be smaller than 514 + merges.
 */
public final class BpeTrainer {
  /** Ids that exist whatever the corpus: 512 byte symbols and the two special tokens. */
  public static final int BASE_VOCABULARY = 2 * 256 + 2;

  private BpeTrainer() {}

  /**
   * The vocabulary learned from {@code captions} with at most {@code vocabularySize} ids.
   *
   * @throws IllegalArgumentException if {@code vocabularySize} is below {@value #BASE_VOCABULARY}
   */
  public static LearnedVocabulary learn(Iterable<String> captions, int vocabularySize) {
    Objects.requireNonNull(captions, "captions");
    if (vocabularySize < BASE_VOCABULARY) {
      throw new IllegalArgumentException(
          "vocabulary size must be at least "
              + BASE_VOCABULARY
              + " (byte symbols and start/end tokens), was "
              + vocabularySize);
    }
    Map<List<String>, Integer> words = countWords(captions);
    List<String> symbols = new ArrayList<>(ByteLevelAlphabet.symbols());
    for (String byteSymbol : ByteLevelAlphabet.symbols()) {
      symbols.add(byteSymbol + BpeMerges.WORD_END);
    }
    Set<String> known = new LinkedHashSet<>(symbols);
    List<BpeMerges.Pair> merges = new ArrayList<>();
    while (known.size() + 2 < vocabularySize) {
      BpeMerges.Pair best = mostFrequentPair(words);
      if (best == null) {
        break; // every pre-token of the corpus is a single symbol
      }
      merges.add(best);
      if (known.add(best.merged())) {
        symbols.add(best.merged());
      }
      words = mergeEverywhere(words, best);
    }
    symbols.add(ClipVocabulary.START_OF_TEXT);
    symbols.add(ClipVocabulary.END_OF_TEXT);
    return new LearnedVocabulary(
        symbols, merges.stream().map(pair -> pair.first() + " " + pair.second()).toList());
  }

  /** Pre-tokens of the corpus as symbol sequences, with their counts; special tokens skipped. */
  private static Map<List<String>, Integer> countWords(Iterable<String> captions) {
    // sorted by the pre-token text so that iteration order never depends on hashing
    Map<String, Integer> countOfPreToken = new TreeMap<>();
    for (String caption : captions) {
      for (String preToken : ClipTokenizer.preTokens(Objects.requireNonNull(caption, "caption"))) {
        if (!preToken.equals(ClipVocabulary.START_OF_TEXT)
            && !preToken.equals(ClipVocabulary.END_OF_TEXT)) {
          countOfPreToken.merge(ByteLevelAlphabet.encode(preToken), 1, Integer::sum);
        }
      }
    }
    Map<List<String>, Integer> words = new LinkedHashMap<>();
    countOfPreToken.forEach(
        (token, count) -> {
          List<String> word = new ArrayList<>(token.length());
          for (int i = 0; i < token.length() - 1; i++) {
            word.add(String.valueOf(token.charAt(i)));
          }
          word.add(token.charAt(token.length() - 1) + BpeMerges.WORD_END);
          words.put(word, count);
        });
    return words;
  }

  /** The most frequent adjacent pair (ties: smallest first, then second symbol), or null. */
  private static BpeMerges.Pair mostFrequentPair(Map<List<String>, Integer> words) {
    Map<BpeMerges.Pair, Integer> countOfPair = new HashMap<>();
    words.forEach(
        (word, count) -> {
          for (int i = 0; i + 1 < word.size(); i++) {
            countOfPair.merge(
                new BpeMerges.Pair(word.get(i), word.get(i + 1)), count, Integer::sum);
          }
        });
    BpeMerges.Pair best = null;
    int bestCount = 0;
    for (Map.Entry<BpeMerges.Pair, Integer> entry : countOfPair.entrySet()) {
      BpeMerges.Pair pair = entry.getKey();
      int count = entry.getValue();
      if (count > bestCount || (count == bestCount && precedes(pair, best))) {
        best = pair;
        bestCount = count;
      }
    }
    return best;
  }

  private static boolean precedes(BpeMerges.Pair pair, BpeMerges.Pair other) {
    int first = pair.first().compareTo(other.first());
    return first < 0 || (first == 0 && pair.second().compareTo(other.second()) < 0);
  }

  private static Map<List<String>, Integer> mergeEverywhere(
      Map<List<String>, Integer> words, BpeMerges.Pair pair) {
    Map<List<String>, Integer> merged = new LinkedHashMap<>();
    words.forEach(
        (word, count) -> {
          List<String> result = new ArrayList<>(word.size());
          int i = 0;
          while (i < word.size()) {
            if (i + 1 < word.size()
                && word.get(i).equals(pair.first())
                && word.get(i + 1).equals(pair.second())) {
              result.add(pair.merged());
              i += 2;
            } else {
              result.add(word.get(i));
              i++;
            }
          }
          merged.merge(result, count, Integer::sum);
        });
    return merged;
  }

  /**
   * A learned vocabulary: symbols in id order and the merges in rank order.
   *
   * @param symbols every symbol, its index being its id
   * @param merges the learned merges as the lines of {@code merges.txt} ("first second"), rank 0
   *     first
   */
  public record LearnedVocabulary(List<String> symbols, List<String> merges) {
    public LearnedVocabulary {
      symbols = List.copyOf(symbols);
      merges = List.copyOf(merges);
    }

    /** Number of ids. */
    public int size() {
      return symbols.size();
    }

    /**
     * Writes Hugging Face's {@code vocab.json} + {@code merges.txt} into {@code directory} (each
     * file whole or not at all) and loads them back as a tokenizer.
     */
    public ClipTokenizer writeTo(Path directory) throws IOException {
      Files.createDirectories(directory);
      JsonObject vocab = new JsonObject();
      for (int id = 0; id < symbols.size(); id++) {
        vocab.add(symbols.get(id), new JsonPrimitive(id));
      }
      StringBuilder mergesTxt = new StringBuilder("#version: 0.2\n");
      merges.forEach(line -> mergesTxt.append(line).append('\n'));
      writeWhole(
          directory.resolve(ClipVocabulary.VOCAB_JSON),
          new GsonBuilder().disableHtmlEscaping().create().toJson(vocab));
      writeWhole(directory.resolve(ClipVocabulary.MERGES_TXT), mergesTxt.toString());
      return ClipTokenizer.load(directory);
    }

    private static void writeWhole(Path target, String content) throws IOException {
      Path partial =
          Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
      try {
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
  }
}
