package dev.froster.engine.retraining;

import com.google.gson.JsonObject;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetWriter;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import dev.froster.engine.synth.VideoEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Materialises a run's training set as an ActionDataset folder of its own, so that the run (and
 * every restart of it) reads exactly the same data: the registered datasets' videos (referenced by
 * absolute path, with their own splits) and the labelled clips, cut from their assets into {@code
 * clips/}, split by {@link HeldOutSplit}. Everything is checked before training can start.
 */
public final class TrainingSetSnapshot {

  /** Domain of the cut review clips in {@code videos.tsv}. */
  public static final String REVIEW_DOMAIN = "review";

  /**
   * What a snapshot holds.
   *
   * @param classes classes in total, base and novel
   * @param trainVideos base-class training videos
   * @param baseTestVideos held-out videos of base classes
   * @param novelTestVideos videos of novel classes (all held out)
   * @param datasets registered datasets read
   * @param labelledClips review clips cut
   */
  public record Summary(
      int classes,
      int baseClasses,
      int novelClasses,
      int trainVideos,
      int baseTestVideos,
      int novelTestVideos,
      int datasets,
      int labelledClips) {}

  private TrainingSetSnapshot() {}

  /**
   * Writes the snapshot into {@code folder} (created; its {@code manifest.json} is written last).
   *
   * @throws InvalidTrainingSetException when there are no examples, a class has none, or base
   *     training, base test or novel test videos are missing
   * @throws IOException when a labelled clip cannot be cut (naming the asset file)
   */
  public static Summary write(
      List<ActionDataset> datasets, List<LabelledClip> clips, HeldOutSplit split, Path folder)
      throws IOException {
    Map<String, String> descriptions = new TreeMap<>();
    Map<String, ClassSplit> given = new HashMap<>();
    Map<String, List<Path>> datasetVideos = new HashMap<>();
    Map<Path, Subset> datasetSubsets = new HashMap<>();
    for (ActionDataset dataset : datasets) {
      Map<Integer, Integer> examples = new HashMap<>();
      dataset.videos().forEach(v -> examples.merge(v.classId(), 1, Integer::sum));
      for (ActionClass c : dataset.classes()) {
        if (!examples.containsKey(c.id())) {
          throw new InvalidTrainingSetException(
              "class '" + c.name() + "' of dataset " + dataset.root() + " has no examples");
        }
        descriptions.putIfAbsent(c.name(), c.description());
        given.putIfAbsent(c.name(), c.split());
      }
      for (VideoEntry v : dataset.videos()) {
        String name = dataset.classById(v.classId()).name();
        datasetVideos.computeIfAbsent(name, k -> new ArrayList<>()).add(v.file());
        datasetSubsets.put(v.file(), v.subset());
      }
    }
    Map<String, List<LabelledClip>> clipsByClass = new TreeMap<>();
    for (LabelledClip clip : clips) {
      descriptions.putIfAbsent(clip.className(), clip.description());
      given.putIfAbsent(clip.className(), null);
      clipsByClass.computeIfAbsent(clip.className(), k -> new ArrayList<>()).add(clip);
    }
    if (descriptions.isEmpty()) {
      throw new InvalidTrainingSetException(
          "the training set has no examples: register a dataset or accept tags in the review queue");
    }
    if (descriptions.size() < 2) {
      throw new InvalidTrainingSetException(
          "the training set has one class ('"
              + descriptions.keySet().iterator().next()
              + "'); base and novel evaluation needs at least two");
    }
    Map<String, ClassSplit> splits = split.classes(given);
    List<ActionClass> classes = new ArrayList<>();
    Map<String, Integer> idByName = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : descriptions.entrySet()) {
      String description =
          entry.getValue() == null || entry.getValue().isBlank()
              ? entry.getKey()
              : entry.getValue();
      idByName.put(entry.getKey(), classes.size());
      classes.add(
          new ActionClass(classes.size(), entry.getKey(), description, splits.get(entry.getKey())));
    }
    Path root = Files.createDirectories(folder.toAbsolutePath().normalize());
    List<VideoEntry> videos = new ArrayList<>();
    datasetVideos.forEach(
        (name, files) -> {
          for (Path file : files) {
            Subset subset =
                splits.get(name) == ClassSplit.NOVEL ? Subset.TEST : datasetSubsets.get(file);
            videos.add(new VideoEntry(file, idByName.get(name), "dataset", subset, Map.of()));
          }
        });
    Path clipFolder = Files.createDirectories(root.resolve("clips"));
    for (Map.Entry<String, List<LabelledClip>> entry : clipsByClass.entrySet()) {
      Map<String, LabelledClip> byKey = new HashMap<>();
      entry.getValue().forEach(c -> byKey.put(c.key(), c));
      Map<String, Subset> subsets =
          split.clips(splits.get(entry.getKey()), new ArrayList<>(byKey.keySet()));
      for (Map.Entry<String, Subset> assigned : subsets.entrySet()) {
        LabelledClip clip = byKey.get(assigned.getKey());
        Path target = clipFolder.resolve(clip.key() + ".mp4");
        if (!Files.exists(target)) { // a restarted assembly keeps the clips already cut
          ClipCutter.cut(clip.source(), clip.startMs(), clip.endMs(), target);
        }
        videos.add(
            new VideoEntry(
                target,
                idByName.get(entry.getKey()),
                REVIEW_DOMAIN,
                assigned.getValue(),
                Map.of()));
      }
    }
    videos.sort((a, b) -> a.file().toString().compareTo(b.file().toString()));
    Summary summary = summarise(classes, videos, datasets.size(), clips.size());
    JsonObject manifest = new JsonObject();
    manifest.addProperty("kind", "froster-train snapshot");
    manifest.addProperty("testEvery", split.toString());
    ActionDatasetWriter.write(root, classes, videos, List.of(), manifest);
    return summary;
  }

  private static Summary summarise(
      List<ActionClass> classes, List<VideoEntry> videos, int datasets, int clips) {
    int base = (int) classes.stream().filter(c -> c.split() == ClassSplit.BASE).count();
    int train = 0;
    int baseTest = 0;
    int novelTest = 0;
    for (VideoEntry v : videos) {
      boolean novel = classes.get(v.classId()).split() == ClassSplit.NOVEL;
      if (novel) {
        novelTest++;
      } else if (v.subset() == Subset.TRAIN) {
        train++;
      } else {
        baseTest++;
      }
    }
    if (train == 0) {
      throw new InvalidTrainingSetException("the training set has no base-class training videos");
    }
    if (baseTest == 0) {
      throw new InvalidTrainingSetException(
          "no base-class video is held out for evaluation: base classes need at least two examples");
    }
    if (novelTest == 0) {
      throw new InvalidTrainingSetException("the training set has no novel class to evaluate on");
    }
    return new Summary(
        classes.size(), base, classes.size() - base, train, baseTest, novelTest, datasets, clips);
  }
}
