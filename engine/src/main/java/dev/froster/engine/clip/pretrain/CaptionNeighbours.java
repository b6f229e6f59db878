package dev.froster.engine.clip.pretrain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

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
   * Nearest captions by shared-word (Jaccard) similarity, ties by index; equal captions excluded.
   */
  CaptionNeighbours(List<String> captions) {
    int n = captions.size();
    List<Set<String>> words = new ArrayList<>(n);
    for (String caption : captions) {
      words.add(new HashSet<>(Arrays.asList(caption.toLowerCase().split("[^\\p{L}]+"))));
    }
    neighbours = new int[n][];
    for (int i = 0; i < n; i++) {
      final int anchor = i;
      double[] similarity = new double[n];
      List<Integer> others = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (j != i && !captions.get(j).equals(captions.get(i))) {
          similarity[j] = jaccard(words.get(i), words.get(j));
          others.add(j);
        }
      }
      others.sort(
          Comparator.comparingDouble((Integer j) -> -similarity[j])
              .thenComparingInt(j -> Math.abs(j - anchor)));
      neighbours[i] =
          others.subList(0, Math.min(CANDIDATES, others.size())).stream()
              .mapToInt(Integer::intValue)
              .toArray();
    }
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

  private static double jaccard(Set<String> a, Set<String> b) {
    int shared = 0;
    for (String word : a) {
      shared += b.contains(word) ? 1 : 0;
    }
    return shared / (double) (a.size() + b.size() - shared);
  }
}
