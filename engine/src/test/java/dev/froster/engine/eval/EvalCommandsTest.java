package dev.froster.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.cli.FrosterCli;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** froster train and froster eval end to end, and their errors on bad input. */
class EvalCommandsTest {

  @TempDir static Path shared;
  static TinyWorld world;

  @BeforeAll
  static void world() throws IOException {
    world = TinyWorld.create(shared);
  }

  /** Exit status and standard error of one CLI call. */
  record Outcome(int status, String err) {}

  static Outcome cli(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      int status = FrosterCli.run(args);
      return new Outcome(status, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void trainWritesAStudentBundleThatEvalScoresAndAResumeOfAnotherConfigurationFails(
      @TempDir Path dir) throws IOException {
    Path run = dir.resolve("run");
    Outcome trained =
        train(
            world.dataset.root().toString(),
            world.teacher.toString(),
            "froster",
            run.toString(),
            "--shots",
            "1",
            "--epochs",
            "1",
            "--seed",
            "4");
    assertEquals(0, trained.status(), trained.err());
    Path model = run.resolve("model");
    assertTrue(ModelBundle.isBundle(model));
    assertEquals(1.0, ModelBundle.readManifest(model).metrics().get("temporal"));
    assertEquals(
        world.dataset.classes(ClassSplit.BASE).size(),
        ModelBundle.readManifest(model).metrics().get("training_videos").intValue());

    Path report = dir.resolve("novel.json");
    Outcome evaluated =
        cli(
            "eval",
            "--data",
            world.dataset.root().toString(),
            "--model",
            model.toString(),
            "--split",
            "novel",
            "--domain",
            "b",
            "--report",
            report.toString());
    assertEquals(0, evaluated.status(), evaluated.err());
    JsonObject json = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
    assertEquals(
        world.dataset.videos(ClassSplit.NOVEL, Subset.TEST, "b").size(),
        json.get("total").getAsInt());
    assertEquals(
        world.dataset.classes(ClassSplit.NOVEL).size(), json.getAsJsonObject("per_class").size());
    int mistakes =
        json.getAsJsonObject("mistaken_for").entrySet().stream()
            .flatMap(c -> c.getValue().getAsJsonObject().entrySet().stream())
            .mapToInt(e -> e.getValue().getAsInt())
            .sum();
    assertEquals(json.get("total").getAsInt() - json.get("correct").getAsInt(), mistakes);
    double accuracy = json.get("accuracy").getAsDouble();
    assertEquals(100.0 * json.get("correct").getAsInt() / json.get("total").getAsInt(), accuracy);

    // a second call on the finished run refuses to overwrite it
    Outcome again =
        train(
            world.dataset.root().toString(),
            world.teacher.toString(),
            "froster",
            run.toString(),
            "--shots",
            "1",
            "--epochs",
            "1",
            "--seed",
            "4");
    assertEquals(1, again.status());
    assertTrue(again.err().contains("already exists"), again.err());

    // resuming the checkpoints with other settings fails before any training
    deleteTree(model);
    long checkpoints = countFiles(run.resolve("checkpoints"));
    Outcome resumed =
        train(
            world.dataset.root().toString(),
            world.teacher.toString(),
            "froster",
            run.toString(),
            "--shots",
            "1",
            "--epochs",
            "3",
            "--seed",
            "4",
            "--resume");
    assertEquals(1, resumed.status());
    assertTrue(resumed.err().contains("another configuration"), resumed.err());
    assertTrue(resumed.err().contains("epochs"), resumed.err());
    assertFalse(Files.exists(model));
    assertEquals(checkpoints, countFiles(run.resolve("checkpoints")));
  }

  @Test
  void aVideoListNamingAClassTheClassFileLacksFailsNamingTheFile(@TempDir Path dir)
      throws IOException {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.writeString(
        data.resolve("classes.tsv"),
        "id\tname\tdescription\tsplit\n0\tspin\ta shape spins.\tbase\n");
    Path video = world.dataset.videos().get(0).file();
    Files.copy(video, data.resolve("v.mp4"));
    Files.writeString(data.resolve("videos.tsv"), "path\tclass_id\nv.mp4\t9\n");
    Path run = dir.resolve("run");
    Outcome outcome = train(data.toString(), world.teacher.toString(), "finetune", run.toString());
    assertEquals(1, outcome.status());
    assertTrue(outcome.err().contains("videos.tsv"), outcome.err());
    assertTrue(outcome.err().contains("class id 9"), outcome.err());
    assertFalse(Files.exists(run), "nothing written");

    Outcome eval =
        cli(
            "eval",
            "--data",
            data.toString(),
            "--model",
            world.teacher.toString(),
            "--report",
            dir.resolve("r.json").toString());
    assertEquals(1, eval.status());
    assertTrue(eval.err().contains("videos.tsv"), eval.err());
  }

  @Test
  void aTeacherThatIsNotABundleOrAnUnknownMethodFailsClearly(@TempDir Path dir) {
    Path run = dir.resolve("run");
    Outcome notABundle =
        train(world.dataset.root().toString(), dir.toString(), "froster", run.toString());
    assertEquals(1, notABundle.status());
    assertTrue(notABundle.err().contains("manifest.json"), notABundle.err());
    assertTrue(notABundle.err().contains("not a model bundle"), notABundle.err());
    assertFalse(Files.exists(run));

    Outcome unknown =
        train(
            world.dataset.root().toString(), world.teacher.toString(), "vificlip", run.toString());
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("unknown method 'vificlip'"), unknown.err());
    assertFalse(Files.exists(run));
  }

  @Test
  void aBenchmarkWithoutAUsableTeacherOrShotsFailsBeforeAnythingIsGenerated(@TempDir Path dir) {
    Path work = dir.resolve("work");
    Outcome outcome =
        cli("benchmark", "b2n", "--quick", "--work", work.toString(), "--teacher", dir.toString());
    assertEquals(1, outcome.status());
    assertTrue(outcome.err().contains("--teacher " + dir), outcome.err());
    assertTrue(outcome.err().contains("not a model bundle"), outcome.err());
    assertFalse(Files.exists(work.resolve("world")), "no world generated");

    Outcome noShots = cli("benchmark", "b2n", "--quick", "--work", work.toString(), "--shots", "0");
    assertEquals(1, noShots.status());
    assertTrue(noShots.err().contains("--shots must be at least 1, was 0"), noShots.err());
    assertFalse(Files.exists(work.resolve("world")), "no world generated");

    // the tests run in engine/, where there is no demo/teacher to default to
    Outcome noTeacher = cli("benchmark", "b2n", "--work", work.toString());
    assertEquals(1, noTeacher.status());
    assertTrue(noTeacher.err().contains("no --teacher given"), noTeacher.err());
    assertTrue(noTeacher.err().contains("./froster demo-model"), noTeacher.err());
    assertFalse(Files.exists(work.resolve("world")), "no world generated");
  }

  /** {@code froster train} on {@code data} from {@code teacher}, plus any further options. */
  private static Outcome train(
      String data, String teacher, String method, String output, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                data,
                "--teacher",
                teacher,
                "--method",
                method,
                "--output",
                output));
    args.addAll(List.of(options));
    return cli(args.toArray(String[]::new));
  }

  private static long countFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.count();
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
