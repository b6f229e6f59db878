package dev.froster.engine.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.TinyModels;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

  @TempDir Path dir;

  private static final BundleManifest.Provenance PROVENANCE =
      new BundleManifest.Provenance("test", "random", "00", null, "ModelBundleTest");

  private Path writeBundle(NDManager manager, ClipModel model) throws IOException {
    ClipTokenizer tokenizer = TinyModels.tokenizer(Files.createDirectories(dir.resolve("vocab")));
    Path bundle = dir.resolve("bundle");
    ModelBundle.write(bundle, model, tokenizer, PROVENANCE, Map.of("hm", 0.5));
    return bundle;
  }

  @Test
  void roundTripGivesTheSameModelTokenizerAndManifest() throws IOException {
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, config);
      Path bundle = writeBundle(manager, model);
      ModelBundle loaded = ModelBundle.load(bundle, manager);
      assertEquals(config, loaded.model().config());
      assertEquals(config, loaded.manifest().architecture());
      assertEquals(0.5, loaded.manifest().metrics().get("hm"));
      assertEquals("ModelBundleTest", loaded.manifest().provenance().createdBy());
      assertTrue(loaded.manifest().files().containsKey("weights.safetensors"));
      assertTrue(loaded.manifest().files().containsKey("tokenizer/vocab.json"));
      assertTrue(loaded.manifest().files().containsKey("tokenizer/merges.txt"));
      NDArray images = TinyModels.images(manager, config, 2, 3);
      NDArray tokens = TinyModels.tokens(manager, config, 2);
      assertArrayEquals(
          model.encodeImage(images).toFloatArray(),
          loaded.model().encodeImage(images).toFloatArray(),
          1e-6f);
      assertArrayEquals(
          model.encodeText(tokens).toFloatArray(),
          loaded.model().encodeText(tokens).toFloatArray(),
          1e-6f);
      assertArrayEquals(
          TinyModels.tokenizer(dir.resolve("vocab")).encode("a cat", 16),
          loaded.tokenizer().encode("a cat", 16));
    }
  }

  @Test
  void checksumMismatchNamesTheFile() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path bundle = writeBundle(manager, TinyModels.random(manager, TinyModels.config()));
      Path weights = bundle.resolve("weights.safetensors");
      byte[] bytes = Files.readAllBytes(weights);
      bytes[bytes.length - 3] ^= 0x40;
      Files.write(weights, bytes);
      BundleException e =
          assertThrows(BundleException.class, () -> ModelBundle.load(bundle, manager));
      assertEquals(weights.toAbsolutePath().normalize(), e.file());
      assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }
  }

  @Test
  void missingFileIsNamed() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path bundle = writeBundle(manager, TinyModels.random(manager, TinyModels.config()));
      Path merges = bundle.resolve("tokenizer/merges.txt");
      Files.delete(merges);
      BundleException e =
          assertThrows(BundleException.class, () -> ModelBundle.load(bundle, manager));
      assertEquals(merges.toAbsolutePath().normalize(), e.file());
      assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }
  }

  @Test
  void folderWithoutManifestIsNotABundle() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path empty = Files.createDirectories(dir.resolve("empty"));
      BundleException e =
          assertThrows(BundleException.class, () -> ModelBundle.load(empty, manager));
      assertEquals(empty.resolve("manifest.json"), e.file());
    }
  }

  @Test
  void failedWriteLeavesNoBundleAndNoPartialFolder() throws IOException {
    ClipConfig config = TinyModels.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      // a model whose parameters were never created: the write fails half way
      ClipModel unfinished = new ClipModel(config);
      ClipTokenizer tokenizer = TinyModels.tokenizer(Files.createDirectories(dir.resolve("v")));
      Path bundle = dir.resolve("bundle");
      assertThrows(
          IllegalStateException.class,
          () -> ModelBundle.write(bundle, unfinished, tokenizer, PROVENANCE, Map.of()));
      assertFalse(Files.exists(bundle));
      assertEquals(1, countEntries(dir), "only the vocabulary folder should remain");
    }
  }

  @Test
  void atomicDirectoryRemovesPartialContentWhenWritingFails() throws IOException {
    Path target = dir.resolve("target");
    assertThrows(
        UncheckedIOException.class,
        () ->
            AtomicDirectory.create(
                target,
                folder -> {
                  Files.writeString(folder.resolve("half.txt"), "half");
                  throw new UncheckedIOException(new IOException("disk full"));
                }));
    assertFalse(Files.exists(target));
    assertEquals(0, countEntries(dir));
  }

  @Test
  void existingBundleIsNeverOverwritten() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path bundle = writeBundle(manager, TinyModels.random(manager, TinyModels.config()));
      String before = Files.readString(bundle.resolve("manifest.json"));
      ClipTokenizer tokenizer = TinyModels.tokenizer(dir.resolve("vocab"));
      ClipModel other = TinyModels.random(manager, TinyModels.config());
      assertThrows(
          BundleException.class,
          () -> ModelBundle.write(bundle, other, tokenizer, PROVENANCE, Map.of()));
      assertEquals(before, Files.readString(bundle.resolve("manifest.json")));
    }
  }

  private static long countEntries(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.count();
    }
  }
}
