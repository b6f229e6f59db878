package dev.froster.engine.retraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {

  private final HeldOutSplit split = new HeldOutSplit(4);

  @Test
  void reviewOnlyClassesAlternateBaseAndNovelByName() {
    Map<String, ClassSplit> given = new HashMap<>();
    given.put("run", null);
    given.put("jump", null);
    given.put("wave", null);
    given.put("clap", null);
    assertEquals(
        Map.of(
            "clap", ClassSplit.BASE,
            "jump", ClassSplit.NOVEL,
            "run", ClassSplit.BASE,
            "wave", ClassSplit.NOVEL),
        split.classes(given));
  }

  @Test
  void aDatasetsOwnSplitIsKeptAndDoesNotShiftTheOthers() {
    Map<String, ClassSplit> given = new HashMap<>();
    given.put("a", ClassSplit.NOVEL);
    given.put("b", null);
    given.put("c", null);
    Map<String, ClassSplit> splits = split.classes(given);
    assertEquals(ClassSplit.NOVEL, splits.get("a"));
    assertEquals(ClassSplit.BASE, splits.get("b"));
    assertEquals(ClassSplit.NOVEL, splits.get("c"));
  }

  @Test
  void everyFourthBaseClipInKeyOrderIsHeldOut() {
    Map<String, Subset> subsets =
        split.clips(ClassSplit.BASE, List.of("k8", "k1", "k2", "k3", "k4", "k5", "k6", "k7"));
    assertEquals(
        List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"), List.copyOf(subsets.keySet()));
    assertEquals(Subset.TEST, subsets.get("k4"));
    assertEquals(Subset.TEST, subsets.get("k8"));
    assertEquals(6, subsets.values().stream().filter(s -> s == Subset.TRAIN).count());
  }

  @Test
  void smallBaseClassesHoldOutTheirLastClipButASingleClipTrains() {
    assertEquals(
        Map.of("a", Subset.TRAIN, "b", Subset.TEST),
        split.clips(ClassSplit.BASE, List.of("b", "a")));
    assertEquals(Map.of("a", Subset.TRAIN), split.clips(ClassSplit.BASE, List.of("a")));
  }

  @Test
  void novelClipsAreAllHeldOut() {
    assertEquals(
        Map.of("a", Subset.TEST, "b", Subset.TEST),
        split.clips(ClassSplit.NOVEL, List.of("a", "b")));
  }

  @Test
  void theSplitIsDeterministic() {
    List<String> keys = List.of("x3", "x1", "x2", "x9", "x5");
    assertEquals(
        split.clips(ClassSplit.BASE, keys), split.clips(ClassSplit.BASE, List.copyOf(keys)));
  }

  @Test
  void testEveryBelowTwoIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new HeldOutSplit(1));
  }
}
