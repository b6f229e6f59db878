package dev.froster.engine.clip.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranked merge list of a byte-level BPE and its application to one pre-token, as in CLIP's
 * {@code SimpleTokenizer.bpe}: the last symbol carries the {@code </w>} word end, and the adjacent
 * pair with the lowest rank is merged everywhere (left to right, without overlap) until no ranked
 * pair is left.
 */
final class BpeMerges {
  static final String WORD_END = "</w>";

  private final List<Pair> pairs;
  private final Map<String, Integer> rankOfPair;

  /** One merge: {@code first} followed by {@code second} becomes {@code first + second}. */
  record Pair(String first, String second) {
    String merged() {
      return first + second;
    }
  }

  BpeMerges(List<Pair> pairs) {
    this.pairs = List.copyOf(pairs);
    this.rankOfPair = new HashMap<>(pairs.size() * 2);
    for (int rank = 0; rank < pairs.size(); rank++) {
      // Like Python's dict(zip(merges, range(...))), a repeated pair keeps its last rank.
      rankOfPair.put(key(pairs.get(rank).first(), pairs.get(rank).second()), rank);
    }
  }

  /** The merges in rank order (rank 0 first). */
  List<Pair> pairs() {
    return pairs;
  }

  int size() {
    return pairs.size();
  }

  /**
   * Splits one pre-token (already in the byte-level alphabet, not empty) into vocabulary symbols.
   */
  List<String> apply(String token) {
    List<String> word = new ArrayList<>(token.length());
    for (int i = 0; i < token.length() - 1; i++) {
      word.add(String.valueOf(token.charAt(i)));
    }
    word.add(token.charAt(token.length() - 1) + WORD_END);
    while (word.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      int bestAt = -1;
      for (int i = 0; i + 1 < word.size(); i++) {
        Integer rank = rankOfPair.get(key(word.get(i), word.get(i + 1)));
        if (rank != null && rank < bestRank) {
          bestRank = rank;
          bestAt = i;
        }
      }
      if (bestAt < 0) {
        break;
      }
      word = mergeAll(word, word.get(bestAt), word.get(bestAt + 1));
    }
    return word;
  }

  private static List<String> mergeAll(List<String> word, String first, String second) {
    List<String> merged = new ArrayList<>(word.size());
    int i = 0;
    while (i < word.size()) {
      if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
        merged.add(first + second);
        i += 2;
      } else {
        merged.add(word.get(i));
        i++;
      }
    }
    return merged;
  }

  // Symbols never contain a space (the byte alphabet maps it to 'Ġ'), so a space separates them.
  private static String key(String first, String second) {
    return first + ' ' + second;
  }
}
