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
 * Generates the world ({@code WORK/world}, with {@link NovelClasses#COLOUR colour-defined} novel
 * classes: the synth package description says why) and pretrains the teacher ({@code WORK/teacher})
 * unless they are there already, trains the frozen baseline, plain fine-tuning, temporal
 * fine-tuning and FROSTER with every seed, prints the Markdown table, and ends with one line of
 * JSON: {@code
 * {"frozen":{"base":..,"novel":..,"hm":..},"finetune":{..},"temporal":{..},"froster":{..}}}
 * (accuracies in %, means over seeds). Progress goes to standard error.
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

  /** Shots per base class: all 16 training videos of the full world, both of the quick one's. */
  static final int SHOTS = 16;

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
      description =
          "Small world (3 shapes), short teacher pretraining, 2 shots: minutes, not hours.")
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
          "A pretrained CLIP bundle to use as the teacher instead of pretraining one in the work"
              + " folder (demo/teacher fits --quick: the same three shapes at 32 px).")
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
    SynthSettings settings = quick ? quickWorld(folder) : SynthSettings.defaults(folder);
    return new SynthGenerator(settings.withNovelClasses(NovelClasses.COLOUR)).generate();
  }

  /**
   * The quick world with {@link #QUICK_IMAGES} captioned stills instead of the bare minimum (45),
   * so that even the short pretraining gives a teacher that knows the shapes and words.
   */
  private static SynthSettings quickWorld(Path folder) {
    SynthSettings q = SynthSettings.quick(folder);
    return new SynthSettings(
        folder,
        q.seed(),
        q.videosPerClass(),
        QUICK_IMAGES,
        q.size(),
        q.framesPerSecond(),
        q.seconds(),
        q.shapes(),
        q.novelClasses(),
        q.threads());
  }

  private Path teacher(Path world, Path folder) throws IOException {
    if (givenTeacher != null) {
      progress("using the teacher bundle " + givenTeacher);
      return givenTeacher;
    }
    if (ModelBundle.isBundle(folder)) {
      progress("reusing the teacher bundle " + folder);
      return folder;
    }
    PretrainSettings settings =
        quick
            ? PretrainSettings.quick().withSteps(QUICK_PRETRAIN_STEPS)
            : PretrainSettings.defaults();
    progress("pretraining the teacher (" + settings.steps() + " steps) into " + folder);
    new ClipPretraining(settings).run(world, folder, (step, loss, lr, norm, scale) -> {});
    return folder;
  }

  private static void progress(String line) {
    System.err.println("[b2n] " + line);
  }
}
