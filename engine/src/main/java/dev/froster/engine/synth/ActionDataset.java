package dev.froster.engine.synth;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A dataset as {@link ActionDatasetReader} reads it (see the package description for the files):
 * classes with base/novel split, labelled videos with domain and train/test subset, and captioned
 * images. The selections here are the two protocols' inputs: K shots per base class for training,
 * base and novel test videos, and a domain filter for cross-domain testing.
 */
public final class ActionDataset {
  private final Path root;
  private final List<ActionClass> classes;
  private final Map<Integer, ActionClass> classesById;
  private final List<VideoEntry> videos;
  private final List<CaptionedImage> images;
  private final JsonObject manifest;

  ActionDataset(
      Path root,
      List<ActionClass> classes,
      List<VideoEntry> videos,
      List<CaptionedImage> images,
      JsonObject manifest) {
    this.root = root;
    this.classes = List.copyOf(classes);
    this.classesById =
        classes.stream().collect(Collectors.toMap(ActionClass::id, Function.identity()));
    this.videos = List.copyOf(videos);
    this.images = List.copyOf(images);
    this.manifest = manifest;
  }

  /** The dataset folder. */
  public Path root() {
    return root;
  }

  /** All classes, in file order. */
  public List<ActionClass> classes() {
    return classes;
  }

  /** The classes of one split, in file order. */
  public List<ActionClass> classes(ClassSplit split) {
    return classes.stream().filter(c -> c.split() == split).toList();
  }

  /** The class with this id. */
  public ActionClass classById(int id) {
    ActionClass found = classesById.get(id);
    if (found == null) {
      throw new IllegalArgumentException("no class with id " + id + " in dataset " + root);
    }
    return found;
  }

  public List<VideoEntry> videos() {
    return videos;
  }

  public List<CaptionedImage> images() {
    return images;
  }

  /** The generator's {@code manifest.json}; empty for datasets written without one. */
  public JsonObject manifest() {
    return manifest.deepCopy();
  }

  /** The domains that occur in {@code videos.tsv}, sorted. */
  public List<String> domains() {
    return List.copyOf(new TreeSet<>(videos.stream().map(VideoEntry::domain).toList()));
  }

  /**
   * Videos of classes of {@code split} (null: any) in {@code subset} (null: any) and {@code domain}
   * (null: any), in file order.
   */
  public List<VideoEntry> videos(ClassSplit split, Subset subset, String domain) {
    return videos.stream()
        .filter(v -> split == null || classById(v.classId()).split() == split)
        .filter(v -> subset == null || v.subset() == subset)
        .filter(v -> domain == null || v.domain().equals(domain))
        .toList();
  }

  /**
   * K training videos of every base class in {@code domain} (null: any), drawn without replacement
   * in an order fixed by {@code seed}: the few-shot training set of the base-to-novel protocol.
   *
   * @throws IllegalArgumentException if a base class has fewer than K training videos
   */
  public List<VideoEntry> shots(int shotsPerClass, String domain, long seed) {
    if (shotsPerClass <= 0) {
      throw new IllegalArgumentException("shots per class must be positive: " + shotsPerClass);
    }
    List<VideoEntry> selected = new ArrayList<>();
    for (ActionClass actionClass : classes(ClassSplit.BASE)) {
      List<VideoEntry> pool =
          new ArrayList<>(
              videos(ClassSplit.BASE, Subset.TRAIN, domain).stream()
                  .filter(v -> v.classId() == actionClass.id())
                  .toList());
      if (pool.size() < shotsPerClass) {
        throw new IllegalArgumentException(
            "class "
                + actionClass.id()
                + " '"
                + actionClass.name()
                + "' has "
                + pool.size()
                + " training videos"
                + (domain == null ? "" : " in domain " + domain)
                + ", "
                + shotsPerClass
                + " shots asked (dataset "
                + root
                + ")");
      }
      Collections.shuffle(pool, new Random(seed * 31 + actionClass.id()));
      selected.addAll(pool.subList(0, shotsPerClass));
    }
    return selected;
  }
}
