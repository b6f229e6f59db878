package dev.froster.engine.clip.pretrain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hard-negative batches for contrastive pretraining: a batch is made of groups, each an image drawn
 * in turn from the shuffled training order plus images whose captions share the most words with its
 * caption but differ from it ("a red circle moving left" with "a red star moving left", "a red
 * circle moving right"). In a batch of random images the captions differ in many words, and the
 * easiest one to see (the background) tells them apart; within a group only the differing word can,
 * so the model has to look at the object. This is hard-negative mining by caption similarity, as
 * retrieval models are trained; the images and captions are unchanged.
 */
final class CaptionNeighbours {
  /** Candidates kept per image, the group's other members are drawn among them. */
  static final int CANDIDATES = 8;

  private final int[][] neighbours;

  /**
   * Nearest captions by shared-word (Jaccard) similarity, ties by index distance; equal captions
   * excluded. Captions become bit masks over their words, so that the all-pairs comparison stays a
   * few seconds for tens of thousands of stills, and each image keeps its best {@link #CANDIDATES}
   * in a bounded insertion list rather than sorting every other image.
   */
  CaptionNeighbours(List<String> captions) {
    int n = captions.size();
    Map<String, Integer> wordIds = new HashMap<>();
    List<List<Integer>> wordsOf = new ArrayList<>(n);
    for (String caption : captions) {
      List<Integer> ids = new ArrayList<>();
      for (String word : new HashSet<>(Arrays.asList(caption.toLowerCase().split("[^\\p{L}]+")))) {
        ids.add(wordIds.computeIfAbsent(word, w -> wordIds.size()));
      }
      wordsOf.add(ids);
    }
    int maskLongs = (wordIds.size() + 63) / 64;
    long[][] masks = new long[n][maskLongs];
    int[] wordCounts = new int[n];
    for (int i = 0; i < n; i++) {
      for (int id : wordsOf.get(i)) {
        masks[i][id >>> 6] |= 1L << id;
      }
      wordCounts[i] = wordsOf.get(i).size();
    }
    neighbours = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] best = new int[CANDIDATES];
      double[] bestSimilarity = new double[CANDIDATES];
      int kept = 0;
      for (int j = 0; j < n; j++) {
        if (j == i || captions.get(j).equals(captions.get(i))) {
          continue;
        }
        int shared = 0;
        for (int w = 0; w < maskLongs; w++) {
          shared += Long.bitCount(masks[i][w] & masks[j][w]);
        }
        double similarity = shared / (double) (wordCounts[i] + wordCounts[j] - shared);
        int at = kept;
        while (at > 0 && ranksBefore(similarity, j, bestSimilarity[at - 1], best[at - 1], i)) {
          at--;
        }
        if (at < CANDIDATES) {
          int last = Math.min(kept, CANDIDATES - 1);
          System.arraycopy(best, at, best, at + 1, last - at);
          System.arraycopy(bestSimilarity, at, bestSimilarity, at + 1, last - at);
          best[at] = j;
          bestSimilarity[at] = similarity;
          kept = Math.min(kept + 1, CANDIDATES);
        }
      }
      neighbours[i] = Arrays.copyOf(best, kept);
    }
  }

  /** Whether candidate {@code j} ranks before {@code k} as a neighbour of {@code anchor}. */
  private static boolean ranksBefore(
      double similarityJ, int j, double similarityK, int k, int anchor) {
    if (similarityJ != similarityK) {
      return similarityJ > similarityK;
    }
    int distanceJ = Math.abs(j - anchor);
    int distanceK = Math.abs(k - anchor);
    return distanceJ != distanceK ? distanceJ < distanceK : j < k;
  }

  /** The nearest captions of image {@code i}, nearest first. */
  int[] of(int i) {
    return neighbours[i].clone();
  }

  /**
   * A batch of {@code size} distinct images: each anchor taken in turn from {@code anchors} brings
   * up to {@code groupSize - 1} of its neighbours drawn with {@code random}; returns the batch and
   * how many anchors it consumed.
   */
  Batch compose(List<Integer> anchors, int size, int groupSize, Random random) {
    LinkedHashSet<Integer> members = new LinkedHashSet<>();
    int used = 0;
    while (members.size() < size && used < anchors.size()) {
      int anchor = anchors.get(used++);
      if (!members.add(anchor)) {
        continue;
      }
      List<Integer> candidates = new ArrayList<>();
      for (int j : neighbours[anchor]) {
        candidates.add(j);
      }
      for (int k = 1; k < groupSize && members.size() < size && !candidates.isEmpty(); ) {
        int pick = candidates.remove(random.nextInt(candidates.size()));
        if (members.add(pick)) {
          k++;
        }
      }
    }
    return new Batch(List.copyOf(members), used);
  }

  /**
   * @param members the batch's images
   * @param anchorsUsed anchors of the order consumed
   */
  record Batch(List<Integer> members, int anchorsUsed) {}
}
