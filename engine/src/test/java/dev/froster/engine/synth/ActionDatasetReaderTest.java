package dev.froster.engine.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionDatasetReaderTest {
  @TempDir Path root;

  @BeforeEach
  void writeValidDataset() throws IOException {
    Files.createDirectories(root.resolve("clips"));
    Files.write(root.resolve("clips/one.mp4"), new byte[] {1});
    Files.write(root.resolve("clips/two.mp4"), new byte[] {2});
    Files.write(root.resolve("still.png"), new byte[] {3});
    Files.writeString(
        root.resolve("classes.tsv"),
        "id\tname\tdescription\tsplit\n"
            + "0\tcircle moving left\ta round shape slides to the left.\tbase\n"
            + "5\tstar circling\ta five-pointed star travels around.\tnovel\n");
    Files.writeString(
        root.resolve("videos.tsv"),
        "path\tclass_id\tdomain\tsubset\tplace\n"
            + "clips/one.mp4\t0\ta\ttrain\tgrass\n"
            + "clips/two.mp4\t5\tb\ttest\tsnow\n");
    Files.writeString(root.resolve("images.tsv"), "path\tcaption\nstill.png\ta red circle\n");
  }

  @Test
  void readsAValidDatasetAndItsPrompts() throws IOException {
    ActionDataset dataset = ActionDatasetReader.read(root);
    assertEquals(2, dataset.classes().size());
    assertEquals(
        "star circling: a five-pointed star travels around.", dataset.classById(5).prompt());
    VideoEntry second = dataset.videos().get(1);
    assertEquals(root.resolve("clips/two.mp4").toAbsolutePath(), second.file());
    assertEquals(Subset.TEST, second.subset());
    assertEquals(Map.of("place", "snow"), second.attributes());
    assertEquals(1, dataset.videos(ClassSplit.BASE, Subset.TRAIN, "a").size());
    assertEquals("a red circle", dataset.images().get(0).caption());
  }

  @Test
  void domainAndSubsetColumnsAreOptional() throws IOException {
    Files.writeString(root.resolve("videos.tsv"), "path\tclass_id\nclips/one.mp4\t0\n");
    VideoEntry only = ActionDatasetReader.read(root).videos().get(0);
    assertEquals("default", only.domain());
    assertEquals(Subset.TRAIN, only.subset());
  }

  @Test
  void writerAndReaderRoundTrip() throws IOException {
    ActionDataset dataset = ActionDatasetReader.read(root);
    JsonObject manifest = new JsonObject();
    manifest.addProperty("seed", 3);
    ActionDatasetWriter.write(
        root, dataset.classes(), dataset.videos(), dataset.images(), manifest);
    ActionDataset again = ActionDatasetReader.read(root);
    assertEquals(dataset.classes(), again.classes());
    assertEquals(dataset.videos(), again.videos());
    assertEquals(dataset.images(), again.images());
    assertEquals(3, again.manifest().get("seed").getAsInt());
    assertTrue(Files.readString(root.resolve("videos.tsv")).contains("clips/one.mp4\t0\ta\ttrain"));
  }

  @Test
  void anUnknownClassIdIsRefusedWithFileAndLine() throws IOException {
    appendVideo("clips/one.mp4\t42\ta\ttrain\tgrass\n");
    assertProblem("videos.tsv, line 4", "class id 42 is not in");
  }

  @Test
  void aMissingVideoFileIsRefusedWithFileAndLine() throws IOException {
    appendVideo("clips/gone.mp4\t0\ta\ttrain\tgrass\n");
    assertProblem("videos.tsv, line 4", "'clips/gone.mp4' does not exist");
  }

  @Test
  void aMalformedLineIsRefusedWithFileAndLine() throws IOException {
    appendVideo("clips/one.mp4 0 a train grass\n");
    assertProblem("videos.tsv, line 4", "expected 5 tab-separated fields");
  }

  @Test
  void aNonNumericClassIdIsRefused() throws IOException {
    appendVideo("clips/one.mp4\tzero\ta\ttrain\tgrass\n");
    assertProblem("videos.tsv, line 4", "class_id 'zero' is not a non-negative integer");
  }

  @Test
  void aBadSubsetIsRefused() throws IOException {
    appendVideo("clips/one.mp4\t0\ta\tvalidation\tgrass\n");
    assertProblem("videos.tsv, line 4", "subset must be 'train' or 'test'");
  }

  @Test
  void classFileProblemsAreRefused() throws IOException {
    Files.writeString(
        root.resolve("classes.tsv"),
        "id\tname\tdescription\tsplit\n0\tcircle\tround.\tbase\n0\tsquare\tfour sides.\tbase\n");
    assertProblem("classes.tsv, line 3", "class id 0 appears twice");
    Files.writeString(
        root.resolve("classes.tsv"), "id\tname\tdescription\tsplit\n0\tcircle\tround.\tseen\n");
    assertProblem("classes.tsv, line 2", "split must be 'base' or 'novel'");
    Files.writeString(root.resolve("classes.tsv"), "id\tname\tsplit\n0\tcircle\tbase\n");
    assertProblem("classes.tsv, line 1", "header lacks column 'description'");
    Files.delete(root.resolve("classes.tsv"));
    assertProblem("classes.tsv", "file is missing");
  }

  @Test
  void aMissingImageIsRefused() throws IOException {
    Files.writeString(root.resolve("images.tsv"), "path\tcaption\nnope.png\ta red circle\n");
    assertProblem("images.tsv, line 2", "'nope.png' does not exist");
  }

  private void appendVideo(String line) throws IOException {
    Files.writeString(
        root.resolve("videos.tsv"), Files.readString(root.resolve("videos.tsv")) + line);
  }

  private void assertProblem(String where, String what) {
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> ActionDatasetReader.read(root));
    assertTrue(e.getMessage().contains(where), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
    assertTrue(e.getMessage().contains(root.toAbsolutePath().toString()), e.getMessage());
    for (String file : List.of(where.split(",")[0])) {
      assertTrue(e.file().toString().endsWith(file), e.file().toString());
    }
  }
}
