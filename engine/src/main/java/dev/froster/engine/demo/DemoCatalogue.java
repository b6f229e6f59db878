package dev.froster.engine.demo;

import dev.froster.engine.synth.ActionClip;
import dev.froster.engine.synth.Appearance;
import dev.froster.engine.synth.ClipRenderer;
import dev.froster.engine.synth.Domain;
import dev.froster.engine.synth.ObjectColour;
import dev.froster.engine.synth.ObjectSize;
import dev.froster.engine.synth.ObjectStyle;
import dev.froster.engine.synth.Place;
import dev.froster.engine.synth.PlannedClass;
import dev.froster.engine.synth.VideoFormat;
import dev.froster.engine.video.H264Mp4Writer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes the demo catalogue: H.264 videos that each string several action shots of the demo classes
 * together, every shot in another place than the one before (so a shot detector cuts between them),
 * plus the ground truth ({@code moments.tsv}) and the actions as a vocabulary ({@code
 * vocabulary.csv}).
 *
 * <p>The shots' classes are the demo classes in rounds, each round in its own shuffled order, so
 * every class appears equally often (give the videos and shots for at least one round). A shot is
 * drawn like a training video of the synthetic world (a domain, then its place and style, a random
 * colour and size) but from the catalogue's own seed, so the model has seen none of them.
 */
public final class DemoCatalogue {
  /** The ground truth: file, start_ms, end_ms, class. */
  public static final String MOMENTS_FILE = "moments.tsv";

  /** The actions as the server's vocabulary import takes them: label,description,synonyms. */
  public static final String VOCABULARY_FILE = "vocabulary.csv";

  private final CatalogueSettings settings;

  public DemoCatalogue(CatalogueSettings settings) {
    this.settings = settings;
  }

  /** One planned shot. */
  private record Shot(PlannedClass actionClass, ActionClip clip) {}

  /**
   * Renders every video and writes the two tables; returns the moments.
   *
   * @throws IOException if the folder is not new or empty, or a file cannot be written (the tables
   *     are written last, so a catalogue without {@code moments.tsv} is an unfinished one)
   */
  public List<CatalogueMoment> generate() throws IOException {
    List<PlannedClass> classes = DemoRecipe.classes();
    int shots = settings.videos() * settings.shotsPerVideo();
    if (shots < classes.size()) {
      throw new IllegalArgumentException(
          settings.videos()
              + " videos of "
              + settings.shotsPerVideo()
              + " shots cannot show each of the "
              + classes.size()
              + " classes; ask for at least "
              + (classes.size() + settings.shotsPerVideo() - 1) / settings.shotsPerVideo()
              + " videos");
    }
    Path root = prepareEmptyFolder(settings.output());
    List<PlannedClass> order = classOrder(classes, shots);
    VideoFormat format = settings.shotFormat();
    long shotMillis = Math.round(format.frameCount() * 1000.0 / format.framesPerSecond());
    List<CatalogueMoment> moments = new ArrayList<>();
    List<Runnable> work = new ArrayList<>();
    for (int v = 0; v < settings.videos(); v++) {
      String file = String.format(Locale.ROOT, "demo-%02d.mp4", v + 1);
      List<Shot> videoShots =
          planVideo(
              order.subList(v * settings.shotsPerVideo(), (v + 1) * settings.shotsPerVideo()), v);
      for (int s = 0; s < videoShots.size(); s++) {
        moments.add(
            new CatalogueMoment(
                file,
                s * shotMillis,
                (s + 1) * shotMillis,
                videoShots.get(s).actionClass().name()));
      }
      Path target = root.resolve(file);
      work.add(() -> render(videoShots, format, target));
    }
    runAll(work);
    CatalogueFiles.writeVocabulary(root.resolve(VOCABULARY_FILE), classes);
    CatalogueFiles.writeMoments(root.resolve(MOMENTS_FILE), moments);
    return moments;
  }

  /** Rounds over all classes, each round shuffled by the seed, cut to {@code count}. */
  private List<PlannedClass> classOrder(List<PlannedClass> classes, int count) {
    Random random = new Random(settings.seed());
    List<PlannedClass> order = new ArrayList<>(count + classes.size());
    while (order.size() < count) {
      List<PlannedClass> round = new ArrayList<>(classes);
      Collections.shuffle(round, random);
      order.addAll(round);
    }
    return order.subList(0, count);
  }

  private List<Shot> planVideo(List<PlannedClass> classes, int videoIndex) {
    Random random = new Random(settings.seed() * 1_000_003L + videoIndex);
    List<Shot> shots = new ArrayList<>();
    Place previous = null;
    for (PlannedClass actionClass : classes) {
      Domain domain = Domain.values()[random.nextInt(Domain.values().length)];
      List<Place> places = new ArrayList<>(domain.places());
      places.remove(previous);
      Place place = places.get(random.nextInt(places.size()));
      ObjectStyle style = domain.styles().get(random.nextInt(domain.styles().size()));
      Appearance look =
          new Appearance(
              actionClass.shape(),
              ObjectColour.values()[random.nextInt(ObjectColour.values().length)],
              ObjectSize.values()[random.nextInt(ObjectSize.values().length)],
              style);
      shots.add(
          new Shot(
              actionClass, new ActionClip(actionClass.motion(), look, place, random.nextLong())));
      previous = place;
    }
    return shots;
  }

  private static void render(List<Shot> shots, VideoFormat format, Path target) {
    ClipRenderer renderer = new ClipRenderer(format);
    try (H264Mp4Writer writer =
        H264Mp4Writer.open(
            target,
            format.size(),
            format.size(),
            format.framesPerSecond(),
            format.bitsPerSecond())) {
      for (Shot shot : shots) {
        for (BufferedImage frame : renderer.frames(shot.clip())) {
          writer.write(frame);
        }
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write demo video " + target, e);
    }
  }

  private void runAll(List<Runnable> work) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      work.forEach(w -> futures.add(pool.submit(w)));
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("demo catalogue " + settings.output() + " was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("demo catalogue " + settings.output() + " failed", e.getCause());
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
}
