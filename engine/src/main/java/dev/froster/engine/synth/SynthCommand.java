package dev.froster.engine.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster synth}: generates the synthetic action world into a new dataset folder.
 *
 * <p>Exit codes: 0 done, 1 generation failed (e.g. the folder is not empty), 2 bad arguments.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Generates the synthetic action world: H.264 videos of shapes doing actions (base/novel and"
          + " cross-domain splits) and captioned still images for pretraining a tiny CLIP.",
      "Writes classes.tsv, videos.tsv, images.tsv and manifest.json into the output folder."
    })
public final class SynthCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "New or empty folder for the dataset.")
  private Path output;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed = SynthSettings.DEFAULT_SEED;

  @Option(
      names = "--videos-per-class",
      paramLabel = "N",
      description = "Videos per class in each domain (default: 12; --quick: 2).")
  private Integer videosPerClass;

  @Option(
      names = "--images",
      paramLabel = "N",
      description =
          "Captioned still images (default: 3000; --quick: the minimum that covers all"
              + " words).")
  private Integer images;

  @Option(
      names = "--size",
      paramLabel = "PX",
      description = "Frame side in pixels, even (default: 64; --quick: 32).")
  private Integer size;

  @Option(names = "--seconds", description = "Clip length in seconds (default: 3; --quick: 2).")
  private Double seconds;

  @Option(names = "--fps", description = "Frame rate (default: 15).")
  private Double framesPerSecond;

  @Option(names = "--threads", description = "Worker threads (default: up to 2).")
  private Integer threads;

  @Option(
      names = "--novel-classes",
      paramLabel = "KIND",
      description =
          "What separates the novel classes: shape-motion (default: unseen shape-motion pairs and"
              + " caption-only motions) or colour (one class per colour, showing those pairs).")
  private String novelClasses = NovelClasses.SHAPE_MOTION.word();

  @Option(
      names = "--quick",
      description = "A small world for smoke tests: 3 shapes, 2 videos per class and domain.")
  private boolean quick;

  /** Runs the command as the CLI dispatches it; returns the exit code. */
  public static int run(String[] args) {
    return new CommandLine(new SynthCommand()).execute(args);
  }

  @Override
  public Integer call() {
    PrintWriter err = new PrintWriter(System.err, true);
    SynthSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("froster synth: " + e.getMessage());
      return 2;
    }
    try {
      ActionDataset dataset = new SynthGenerator(settings).generate();
      System.out.printf(
          Locale.ROOT,
          "Wrote %d classes (%d base, %d novel), %d videos and %d images to %s%n",
          dataset.classes().size(),
          dataset.classes(ClassSplit.BASE).size(),
          dataset.classes(ClassSplit.NOVEL).size(),
          dataset.videos().size(),
          dataset.images().size(),
          dataset.root());
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("froster synth: " + e.getMessage());
      return 1;
    }
  }

  private SynthSettings settings() {
    SynthSettings base = quick ? SynthSettings.quick(output) : SynthSettings.defaults(output);
    return new SynthSettings(
        output,
        seed,
        videosPerClass != null ? videosPerClass : base.videosPerClass(),
        images != null ? images : base.images(),
        size != null ? size : base.size(),
        framesPerSecond != null ? framesPerSecond : base.framesPerSecond(),
        seconds != null ? seconds : base.seconds(),
        base.shapes(),
        NovelClasses.parse(novelClasses),
        threads != null ? threads : base.threads());
  }
}
