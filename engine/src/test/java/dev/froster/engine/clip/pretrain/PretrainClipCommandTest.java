package dev.froster.engine.clip.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.bundle.Sha256;
import dev.froster.engine.synth.DatasetFormatException;
import dev.froster.engine.video.ClipPreprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code froster pretrain-clip} end to end: the bundle it writes, and its errors. */
class PretrainClipCommandTest {
  @TempDir static Path dir;
  private static Path world;

  @BeforeAll
  static void generateWorld() throws IOException {
    world = ClipPretrainerTest.generate(dir.resolve("world"), 48);
  }

  @Test
  void writesABundleThatLoadsAndEncodes() throws IOException {
    Path output = dir.resolve("bundle");
    int status =
        PretrainClipCommand.run(
            new String[] {
              "--data",
              world.toString(),
              "--output",
              output.toString(),
              "--steps",
              "4",
              "--batch",
              "8",
              "--vocab-size",
              "600",
              "--seed",
              "5"
            });
    assertEquals(0, status);
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelBundle bundle = ModelBundle.load(output, manager);
      BundleManifest manifest = bundle.manifest();
      assertTrue(bundle.tokenizer().vocabularySize() <= 600);
      assertEquals(bundle.tokenizer().vocabularySize(), manifest.architecture().vocabSize());
      assertEquals(
          TinyClipArchitecture.synthetic().withVocabulary(manifest.architecture().vocabSize()),
          manifest.architecture());
      for (String metric :
          List.of(
              "final_loss",
              "heldout_image_to_text_accuracy",
              "heldout_text_to_image_accuracy",
              "train_image_to_text_accuracy",
              "train_swapped_shape_accuracy",
              "train_swapped_colour_accuracy",
              "train_swapped_motion_accuracy",
              "steps_per_second")) {
        assertTrue(manifest.metrics().containsKey(metric), metric);
      }
      assertEquals(5.0, manifest.metrics().get("heldout_images")); // 10% of 48
      // the world's three shapes are swapped for one another
      assertEquals(1.0 / 3, manifest.metrics().get("train_swapped_shape_chance"), 1e-9);
      assertTrue(manifest.metrics().get("final_loss") > 0);
      assertEquals(Sha256.of(world.resolve("images.tsv")), manifest.provenance().sourceSha256());
      assertTrue(manifest.provenance().createdBy().contains("seed 5, steps 4, batch 8"));

      int[] ids = bundle.tokenizer().encode("a small red circle moving left", 32);
      NDArray text = bundle.model().encodeText(manager.create(new long[][] {toLongs(ids)}));
      NDArray image =
          bundle
              .model()
              .encodeImage(
                  new ClipPreprocessing(32)
                      .batch(
                          manager,
                          List.of(ImageIO.read(world.resolve("images/00000.png").toFile()))));
      assertEquals(new Shape(1, 128), text.getShape());
      assertEquals(new Shape(1, 128), image.getShape());
    }
  }

  @Test
  void aBadImageIsNamedAndNothingIsWritten() throws IOException {
    Path bad = copy(world, dir.resolve("bad-image"));
    Path broken = bad.resolve("images/00003.png");
    Files.writeString(broken, "not a picture");
    DatasetFormatException error =
        assertThrows(DatasetFormatException.class, () -> CaptionedStills.read(bad, 0.1, 1));
    assertTrue(error.getMessage().contains(broken.toString()), error.getMessage());
    Path output = dir.resolve("never");
    assertEquals(
        1,
        PretrainClipCommand.run(
            new String[] {"--data", bad.toString(), "--output", output.toString(), "--quick"}));
    assertFalse(Files.exists(output));
  }

  @Test
  void aDatasetWithoutImagesNamesImagesTsv() throws IOException {
    Path bare = copy(world, dir.resolve("no-images"));
    Files.delete(bare.resolve("images.tsv"));
    DatasetFormatException error =
        assertThrows(DatasetFormatException.class, () -> CaptionedStills.read(bare, 0.1, 1));
    assertTrue(error.getMessage().contains(bare.resolve("images.tsv").toString()));
    assertEquals(
        2,
        PretrainClipCommand.run(
            new String[] {"--data", bare.toString(), "--output", "x", "--vocab-size", "100"}));
  }

  private static long[] toLongs(int[] ids) {
    long[] longs = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      longs[i] = ids[i];
    }
    return longs;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }
}
