package dev.froster.engine.eval;

import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.pretrain.ClipPretraining;
import dev.froster.engine.clip.pretrain.PretrainSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.engine.synth.NovelClasses;
import dev.froster.engine.synth.SynthGenerator;
import dev.froster.engine.synth.SynthSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster benchmark b2n}: the whole base-to-novel comparison on the synthetic world.
 * Generates the world ({@code WORK/world}) unless it is there already: the measured world of
 * docs/benchmarks.md (world B: the demo's three shapes at 32 px, seed 11, 45 videos per class and
 * domain, {@link NovelClasses#COLOUR colour-defined} novel classes; the synth package description
 * says why), trains the frozen baseline, plain fine-tuning, temporal fine-tuning and FROSTER with
 * every seed from the committed {@code demo/teacher} (or {@code --teacher}), prints the Markdown
 * table, and ends with one line of JSON: {@code
 * {"frozen":{"base":..,"novel":..,"hm":..},"finetune":{..},"temporal":{..},"froster":{..}}}
 * (accuracies in %, means over seeds). {@code --quick} is a smoke run instead: a small world, a
 * teacher pretrained for a few minutes in {@code WORK/teacher}, 2 shots. Progress goes to standard
 * error.
 *
 * <p>Exit codes: 0 done, 1 a step failed (named in the message), 2 bad arguments.
 */
@Command(
    name = "b2n",
    mixinStandardHelpOptions = true,
    description = {
      "Base-to-novel benchmark: synthetic world and teacher (made if missing), four methods x seeds,"
          + " report.md/report.json in the work folder; prints the table and a last line of JSON."
    })
public final class BaseToNovelBenchmarkCommand implements Callable<Integer> {

  /** The methods in the order of the table and the JSON line. */
  static final List<Method> METHODS =
      List.of(Method.FROZEN_CLIP, Method.VIFI_CLIP, Method.TEMPORAL_FINETUNE, Method.FROSTER);

  /** Shots per base class: the paper's K. */
  static final int SHOTS = 16;

  /** The measured world's seed and videos per class and domain (30 train, 15 test). */
  static final long WORLD_SEED = 11;

  static final int VIDEOS_PER_CLASS = 45;

  /**
   * The teacher unless {@code --teacher} names another: the demo recipe's, committed and rebuilt by
   * {@code froster demo-model} (a tiny CLIP that names colours in 92-97 % of frames); relative to
   * the working directory, the project folder when run through {@code ./froster}.
   */
  static final Path DEMO_TEACHER = Path.of("demo", "teacher");

  static final int QUICK_SHOTS = 2;
  static final int EPOCHS = 12;
  static final int QUICK_EPOCHS = 40;

  /**
   * Teacher pretraining steps of the quick run (300, PretrainSettings.quick, learns too little).
   */
  static final int QUICK_PRETRAIN_STEPS = 1000;

  /** Captioned stills of the quick world (its teacher's pretraining data). */
  static final int QUICK_IMAGES = 600;

  @Option(
      names = "--quick",
      description = "Smoke run: a small world, a teacher pretrained for a few minutes, 2 shots.")
  private boolean quick;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Work folder (default: var/benchmark/b2n, or var/benchmark/b2n-quick).")
  private Path work;

  @Option(
      names = "--teacher",
      paramLabel = "BUNDLE",
      description =
          "The teacher bundle (default: demo/teacher; with --quick, one pretrained in the work"
              + " folder).")
  private Path givenTeacher;

  @Option(
      names = "--shots",
      paramLabel = "K",
      description = "Training videos per base class (default: 16, or 2 with --quick).")
  private Integer shots;

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds 1..N (default: 3).")
  private int seeds = 3;

  @Override
  public Integer call() throws IOException {
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds must be at least 1, was " + seeds);
    }
    if (shots != null && shots < 1) {
      throw new IllegalArgumentException("--shots must be at least 1, was " + shots);
    }
    if (givenTeacher != null && !ModelBundle.isBundle(givenTeacher)) {
      // before the world is generated: a wrong path costs nothing
      throw new IllegalArgumentException(
          "--teacher " + givenTeacher + ": not a model bundle (no manifest.json)");
    }
    if (givenTeacher == null && !quick && !ModelBundle.isBundle(DEMO_TEACHER)) {
      throw new IllegalArgumentException(
          "no --teacher given and "
              + DEMO_TEACHER.toAbsolutePath().normalize()
              + " is not a model bundle: run from the project folder, give --teacher BUNDLE, or"
              + " rebuild it with ./froster demo-model");
    }
    Path folder = work != null ? work : Path.of("var", "benchmark", quick ? "b2n-quick" : "b2n");
    Files.createDirectories(folder);
    long started = System.nanoTime();
    ActionDataset world = world(folder.resolve("world"));
    Path teacher = teacher(folder.resolve("world"), folder.resolve("teacher"));
    List<Long> seedList = new ArrayList<>();
    for (long s = 1; s <= seeds; s++) {
      seedList.add(s);
    }
    int epochs = quick ? QUICK_EPOCHS : EPOCHS;
    BaseToNovelProtocol protocol =
        new BaseToNovelProtocol(
            METHODS,
            shots != null ? shots : quick ? QUICK_SHOTS : SHOTS,
            seedList,
            m -> Recipes.synthetic(m, epochs));
    EvaluationReport report =
        protocol.run(world, teacher, folder, BaseToNovelBenchmarkCommand::progress);
    progress(
        String.format(
            Locale.ROOT,
            "benchmark done in %.0f s; reports in %s",
            (System.nanoTime() - started) / 1e9,
            folder.toAbsolutePath().normalize()));
    System.out.print(report.markdown());
    System.out.println(report.summaryLine());
    return 0;
  }

  private ActionDataset world(Path folder) throws IOException {
    if (Files.isRegularFile(folder.resolve("classes.tsv"))) {
      progress("reusing the synthetic world in " + folder);
      return ActionDatasetReader.read(folder);
    }
    progress("generating the synthetic world in " + folder);
    SynthSettings settings = quick ? quickWorld(folder) : measuredWorld(folder);
    return new SynthGenerator(settings.withNovelClasses(NovelClasses.COLOUR)).generate();
  }

  /** World B of docs/benchmarks.md: the quick world's shapes and format, more videos. */
  private static SynthSettings measuredWorld(Path folder) {
    return SynthSettings.quick(folder).withSeed(WORLD_SEED).withVideosPerClass(VIDEOS_PER_CLASS);
  }

  /**
   * The quick world with {@link #QUICK_IMAGES} captioned stills instead of the bare minimum (45),
   * so that even the short pretraining gives a teacher that knows the shapes and words.
   */
  private static SynthSettings quickWorld(Path folder) {
    return SynthSettings.quick(folder).withImages(QUICK_IMAGES);
  }

  private Path teacher(Path world, Path folder) throws IOException {
    if (givenTeacher != null || !quick) {
      Path bundle = givenTeacher != null ? givenTeacher : DEMO_TEACHER;
      progress("using the teacher bundle " + bundle);
      return bundle;
    }
    if (ModelBundle.isBundle(folder)) {
      progress("reusing the teacher bundle " + folder);
      return folder;
    }
    PretrainSettings settings = PretrainSettings.quick().withSteps(QUICK_PRETRAIN_STEPS);
    progress("pretraining the teacher (" + settings.steps() + " steps) into " + folder);
    new ClipPretraining(settings).run(world, folder, (step, loss, lr, norm, scale) -> {});
    return folder;
  }

  private static void progress(String line) {
    System.err.println("[b2n] " + line);
  }
}
