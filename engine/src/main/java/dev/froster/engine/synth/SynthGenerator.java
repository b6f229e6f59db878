package dev.froster.engine.synth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Generates the synthetic action world into a dataset folder: classes and splits ({@link
 * ClassCatalogue}), videos in both domains ({@link ClipRenderer}), captioned stills ({@link
 * StillRenderer}), then the index files ({@link ActionDatasetWriter}), manifest last.
 */
public final class SynthGenerator {
  /** Bumped whenever the same settings would render different files. */
  public static final int GENERATOR_VERSION = 2;

  private static final System.Logger LOG = System.getLogger(SynthGenerator.class.getName());

  private final SynthSettings settings;

  public SynthGenerator(SynthSettings settings) {
    this.settings = settings;
  }

  /** Generates everything and returns the dataset as the reader sees it. */
  public ActionDataset generate() throws IOException {
    Path root = prepareEmptyFolder(settings.output());
    long started = System.nanoTime();
    List<WorldClass> classes = ClassCatalogue.plan(settings.shapes(), settings.novelClasses());
    List<VideoEntry> videos = new ArrayList<>();
    List<Callable<Void>> work = new ArrayList<>();
    ClipRenderer clips = new ClipRenderer(settings.videoFormat());
    for (WorldClass planned : classes) {
      for (Domain domain : Domain.values()) {
        for (int index = 0; index < settings.videosPerClass(); index++) {
          VideoEntry entry = planVideo(root, planned, domain, index);
          ActionClip clip = clipOf(planned, domain, index);
          videos.add(entry);
          work.add(
              () -> {
                clips.write(clip, entry.file());
                return null;
              });
        }
      }
    }
    List<CaptionedImage> images = new ArrayList<>();
    StillRenderer stills = new StillRenderer(settings.size());
    for (int index = 0; index < settings.images(); index++) {
      Path file = root.resolve(String.format(Locale.ROOT, "images/%05d.png", index));
      // one random stream per set of stills (see stillOf), so the set shares all but the shape
      Random random = new Random(Seeds.mix(settings.seed(), 2, index / settings.shapes().size()));
      StillScene scene = stillOf(index, random);
      // the first set in each place names it, so that every place word is captioned
      boolean firstInItsPlace = index / settings.shapes().size() < Place.values().length;
      String caption =
          firstInItsPlace
              ? CaptionWriter.captionNamingThePlace(scene, random)
              : CaptionWriter.caption(scene, random);
      images.add(new CaptionedImage(file, caption));
      work.add(
          () -> {
            writePng(stills.render(scene), file);
            return null;
          });
    }
    Files.createDirectories(root.resolve("images"));
    runAll(work);
    List<ActionClass> actionClasses = classes.stream().map(WorldClass::toActionClass).toList();
    ActionDatasetWriter.write(root, actionClasses, videos, images, manifest(classes, videos));
    LOG.log(
        System.Logger.Level.INFO,
        "Synthetic world: {0} classes, {1} videos, {2} images in {3} s at {4}",
        classes.size(),
        videos.size(),
        images.size(),
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9),
        root);
    return ActionDatasetReader.read(root);
  }

  private VideoEntry planVideo(Path root, WorldClass planned, Domain domain, int index) {
    int testVideos = Math.max(1, settings.videosPerClass() / 3);
    Subset subset = index < settings.videosPerClass() - testVideos ? Subset.TRAIN : Subset.TEST;
    String folder =
        String.format(Locale.ROOT, "%03d-%s", planned.id(), planned.name().replace(' ', '-'));
    Path file =
        root.resolve("videos")
            .resolve(domain.label())
            .resolve(folder)
            .resolve(String.format(Locale.ROOT, "%03d.mp4", index));
    ActionClip clip = clipOf(planned, domain, index);
    Appearance look = clip.appearance();
    return new VideoEntry(
        file,
        planned.id(),
        domain.label(),
        subset,
        Map.of(
            "place", clip.place().words(),
            "style", look.style().word(),
            "colour", look.colour().word(),
            "size", look.size().word()));
  }

  /** Everything about a clip that its class leaves open is drawn from the clip's own seed. */
  private ActionClip clipOf(WorldClass planned, Domain domain, int index) {
    long seed = Seeds.mix(settings.seed(), 1, planned.id(), domain.ordinal(), index);
    Random random = new Random(seed);
    Subject subject = planned.draw(random);
    Appearance look =
        new Appearance(
            subject.shape(),
            subject.colour(),
            pick(ObjectSize.values(), random),
            domain.randomStyle(random));
    return new ActionClip(subject.motion(), look, domain.randomPlace(random), random.nextLong());
  }

  /**
   * Shape and motion cycle through every pair (motion slot {@code motions} means at rest), so that
   * every class word is captioned; colour, size, style and place are random. Consecutive stills
   * come in sets, one per shape, that share everything else (colour, size, style, place, texture,
   * placement, caption template), as a catalogue shows the same product in several variants: the
   * captions of a set differ in the shape word only, so a contrastive batch that holds a set
   * ({@code CaptionNeighbours} in the pretraining) can only be told apart by the objects' shapes.
   * Without such sets the tiny teacher matched colours and backgrounds and ignored the shape words
   * altogether (its text embeddings of "a circle", "a square" and "a star" had cosine 0.99).
   */
  private StillScene stillOf(int index, Random random) {
    List<ShapeKind> shapes = settings.shapes();
    Motion[] motions = Motion.values();
    ShapeKind shape = shapes.get(index % shapes.size());
    int slot = (index / shapes.size()) % (motions.length + 1);
    Motion motion = slot < motions.length ? motions[slot] : null;
    Appearance look =
        new Appearance(
            shape,
            pick(ObjectColour.values(), random),
            pick(ObjectSize.values(), random),
            pick(ObjectStyle.values(), random));
    Place place = Place.values()[(index / shapes.size()) % Place.values().length];
    return new StillScene(look, place, motion, random.nextLong());
  }

  private JsonObject manifest(List<WorldClass> classes, List<VideoEntry> videos) {
    JsonObject parameters = new JsonObject();
    parameters.addProperty("videosPerClassPerDomain", settings.videosPerClass());
    parameters.addProperty("images", settings.images());
    parameters.addProperty("size", settings.size());
    parameters.addProperty("framesPerSecond", settings.framesPerSecond());
    parameters.addProperty("framesPerVideo", settings.videoFormat().frameCount());
    parameters.addProperty("codec", "h264/yuv420p");
    JsonArray shapes = new JsonArray();
    settings.shapes().forEach(s -> shapes.add(s.word()));
    parameters.add("shapes", shapes);
    parameters.addProperty("novelClasses", settings.novelClasses().word());
    JsonObject domains = new JsonObject();
    for (Domain domain : Domain.values()) {
      JsonObject d = new JsonObject();
      JsonArray places = new JsonArray();
      domain.places().forEach(p -> places.add(p.words()));
      JsonArray styles = new JsonArray();
      domain.styles().forEach(s -> styles.add(s.word()));
      d.add("places", places);
      d.add("styles", styles);
      domains.add(domain.label(), d);
    }
    JsonObject counts = new JsonObject();
    counts.addProperty("classes", classes.size());
    counts.addProperty(
        "baseClasses", classes.stream().filter(c -> c.split() == ClassSplit.BASE).count());
    counts.addProperty(
        "novelClasses", classes.stream().filter(c -> c.split() == ClassSplit.NOVEL).count());
    counts.addProperty("videos", videos.size());
    counts.addProperty("images", settings.images());
    JsonObject manifest = new JsonObject();
    manifest.addProperty("generator", "froster-synth");
    manifest.addProperty("generatorVersion", GENERATOR_VERSION);
    manifest.addProperty("seed", settings.seed());
    manifest.add("parameters", parameters);
    manifest.add("domains", domains);
    manifest.add("counts", counts);
    return manifest;
  }

  private void runAll(List<Callable<Void>> work) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    try {
      List<Future<Void>> futures = pool.invokeAll(work);
      for (Future<Void> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("generation of " + settings.output() + " was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("generation of " + settings.output() + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Path prepareEmptyFolder(Path output) throws IOException {
    Path root = output.toAbsolutePath().normalize();
    if (Files.exists(root)) {
      if (!Files.isDirectory(root)) {
        throw new IOException("output " + root + " exists and is not a folder");
      }
      try (Stream<Path> entries = Files.list(root)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(
              "output folder " + root + " is not empty; give a new or empty folder");
        }
      }
    }
    Files.createDirectories(root);
    return root;
  }

  private static void writePng(BufferedImage image, Path file) {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try {
      if (!ImageIO.write(image, "png", part.toFile())) {
        throw new IOException("no PNG writer available");
      }
      ActionDatasetWriter.moveIntoPlace(part, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write image " + file, e);
    }
  }

  private static <T> T pick(T[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
