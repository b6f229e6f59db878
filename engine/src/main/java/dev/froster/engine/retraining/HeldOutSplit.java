package dev.froster.engine.retraining;

import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The held-out evaluation split of a training set, by class as in the base-to-novel protocol
 * (froster-method.md, "Evaluation protocols"), deterministic so that a run can be repeated:
 *
 * <ul>
 *   <li>A class from a registered dataset keeps the split its {@code classes.tsv} gives it.
 *   <li>The other classes (only known from review decisions) are sorted by name; every second one
 *       (the 2nd, 4th, ...) is novel, the rest base. Novel classes are never trained on.
 *   <li>Every clip of a novel class is a test clip. The clips of a base class, in key order: every
 *       {@code testEvery}-th (the 4th, 8th, ... by default) is a test clip, and a class with fewer
 *       than {@code testEvery} clips (but at least two) gives its last one; a single clip trains.
 * </ul>
 */
public final class HeldOutSplit {

  /** Default: one base clip in four is held out. */
  public static final int DEFAULT_TEST_EVERY = 4;

  private final int testEvery;

  public HeldOutSplit(int testEvery) {
    if (testEvery < 2) {
      throw new IllegalArgumentException("testEvery must be at least 2, was " + testEvery);
    }
    this.testEvery = testEvery;
  }

  public int testEvery() {
    return testEvery;
  }

  @Override
  public String toString() {
    return Integer.toString(testEvery);
  }

  /**
   * The split of every class.
   *
   * @param given class name to the split a dataset gives it, or to null when none does
   */
  public Map<String, ClassSplit> classes(Map<String, ClassSplit> given) {
    Map<String, ClassSplit> splits = new TreeMap<>();
    int unassigned = 0;
    for (Map.Entry<String, ClassSplit> entry : new TreeMap<>(given).entrySet()) {
      if (entry.getValue() != null) {
        splits.put(entry.getKey(), entry.getValue());
      } else {
        splits.put(entry.getKey(), unassigned % 2 == 1 ? ClassSplit.NOVEL : ClassSplit.BASE);
        unassigned++;
      }
    }
    return splits;
  }

  /**
   * Train or test for each of a class's clips, by key.
   *
   * @param keys the keys of the class's clips (any order)
   */
  public Map<String, Subset> clips(ClassSplit split, List<String> keys) {
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    Map<String, Subset> subsets = new LinkedHashMap<>();
    int n = sorted.size();
    for (int i = 0; i < n; i++) {
      boolean test =
          split == ClassSplit.NOVEL
              || (n >= 2 && (i % testEvery == testEvery - 1 || (n < testEvery && i == n - 1)));
      subsets.put(sorted.get(i), test ? Subset.TEST : Subset.TRAIN);
    }
    return subsets;
  }
}
