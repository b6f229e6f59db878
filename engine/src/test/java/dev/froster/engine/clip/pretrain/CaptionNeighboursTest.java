package dev.froster.engine.clip.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hard-negative groups: nearest captions first, equal captions never, batches of distinct images.
 */
class CaptionNeighboursTest {
  static final List<String> CAPTIONS =
      List.of(
          "a red circle moving left on grass", // 0
          "a red star moving left on grass", // 1: one word from 0
          "a blue square rotating clockwise", // 2
          "a red circle moving left on grass", // 3: equal to 0
          "a red circle moving right on grass", // 4: one word from 0
          "a blue square rotating counterclockwise"); // 5: one word from 2

  @Test
  void theNearestCaptionsComeFirstAndEqualCaptionsAreNoNegatives() {
    CaptionNeighbours neighbours = new CaptionNeighbours(CAPTIONS);
    int[] ofFirst = neighbours.of(0);
    assertEquals(4, ofFirst.length, "every other caption but the equal one");
    // 1 and 4 share six of eight words with 0 (Jaccard 0.75): ties go to the nearer index
    assertArrayEquals(new int[] {1, 4}, java.util.Arrays.copyOf(ofFirst, 2));
    assertEquals(5, neighbours.of(2)[0]);
    assertTrue(java.util.Arrays.stream(ofFirst).noneMatch(j -> j == 3 || j == 0));
  }

  private static boolean contains(int[] values, int value) {
    return java.util.Arrays.stream(values).anyMatch(v -> v == value);
  }

  @Test
  void aBatchHoldsDistinctImagesInGroupsAroundEachAnchor() {
    CaptionNeighbours neighbours = new CaptionNeighbours(CAPTIONS);
    CaptionNeighbours.Batch batch =
        neighbours.compose(List.of(2, 0, 1, 3, 4, 5), 4, 2, new Random(1));
    assertEquals(4, batch.members().size());
    assertEquals(4, new HashSet<>(batch.members()).size(), "distinct images");
    // an anchor already drawn as a neighbour is skipped
    assertEquals(batch.members().get(1) == 0 ? 3 : 2, batch.anchorsUsed());
    assertEquals(2, batch.members().get(0));
    assertTrue(
        contains(neighbours.of(2), batch.members().get(1)), "2 brings one of its neighbours");
    int secondAnchor = batch.members().get(2);
    assertTrue(secondAnchor == 0 || batch.members().get(1) == 0, "then the next anchor, 0");
    assertTrue(
        contains(neighbours.of(secondAnchor), batch.members().get(3)), "with one of its own");
  }

  /**
   * The bounded selection keeps exactly what sorting every other caption by (similarity, index
   * distance, index) would keep, on a world-sized set where ties are everywhere.
   */
  @Test
  void theBoundedSelectionKeepsWhatAFullSortKeeps() {
    String[] shapes = {"circle", "square", "star"};
    String[] colours = {"red", "blue", "green"};
    String[] motions = {"moving left", "moving right", "rotating clockwise", "growing"};
    String[] places = {"on grass", "on sand", "in space", ""};
    Random random = new Random(5);
    List<String> captions = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      captions.add(
          String.join(
                  " ",
                  "a",
                  colours[random.nextInt(3)],
                  shapes[random.nextInt(3)],
                  motions[random.nextInt(4)],
                  places[random.nextInt(4)])
              .trim());
    }
    CaptionNeighbours neighbours = new CaptionNeighbours(captions);
    for (int anchor = 0; anchor < captions.size(); anchor += 37) {
      assertArrayEquals(
          sortedNeighbours(captions, anchor), neighbours.of(anchor), "neighbours of " + anchor);
    }
  }

  /** The reference: every other caption sorted, the first {@code CANDIDATES} kept. */
  private static int[] sortedNeighbours(List<String> captions, int anchor) {
    java.util.Set<String> words = wordsOf(captions.get(anchor));
    java.util.Map<Integer, Double> similarity = new java.util.HashMap<>();
    for (int j = 0; j < captions.size(); j++) {
      if (j != anchor && !captions.get(j).equals(captions.get(anchor))) {
        java.util.Set<String> other = wordsOf(captions.get(j));
        long shared = words.stream().filter(other::contains).count();
        similarity.put(j, shared / (double) (words.size() + other.size() - shared));
      }
    }
    return similarity.keySet().stream()
        .sorted(
            java.util.Comparator.comparingDouble((Integer j) -> -similarity.get(j))
                .thenComparingInt(j -> Math.abs(j - anchor))
                .thenComparingInt(j -> j))
        .limit(CaptionNeighbours.CANDIDATES)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static java.util.Set<String> wordsOf(String caption) {
    return new HashSet<>(java.util.Arrays.asList(caption.toLowerCase().split("[^\\p{L}]+")));
  }
}
