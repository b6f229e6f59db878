package dev.froster.engine.clip.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.TinyModels;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad checkpoints give a CheckpointException naming the file and the tensor. */
class CheckpointErrorsTest {

  @TempDir Path dir;

  private Path writeTiny(NDManager manager, String name) throws IOException {
    ClipModel model = TinyModels.random(manager, TinyModels.config());
    Path file = dir.resolve(name);
    SafetensorsFile.write(file, CheckpointLayoutTest.stateDict(model), Map.of());
    return file;
  }

  @Test
  void truncatedSafetensorsNamesTheFirstTensorWhoseBytesAreMissing() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path file = writeTiny(manager, "truncated.safetensors");
      long size = Files.size(file);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(size - 1000);
      }
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertEquals(file, e.file());
      assertTrue(e.tensor().isPresent(), e.getMessage());
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
  }

  @Test
  void fileCutInsideTheHeaderIsNotASafetensorsFile() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path file = writeTiny(manager, "cut.safetensors");
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(100);
      }
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
  }

  @Test
  void tensorWithTheWrongShapeIsNamed() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, TinyModels.config());
      Map<String, NDArray> arrays = new LinkedHashMap<>(CheckpointLayoutTest.stateDict(model));
      String name = "transformer.resblocks.1.mlp.c_fc.weight";
      arrays.put(name, manager.zeros(new Shape(255, 64)));
      Path file = dir.resolve("wrong-shape.safetensors");
      SafetensorsFile.write(file, arrays, Map.of());
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertEquals(name, e.tensor().orElseThrow());
      assertTrue(e.getMessage().contains("(255, 64)"), e.getMessage());
    }
  }

  @Test
  void missingTensorIsNamed() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, TinyModels.config());
      Map<String, NDArray> arrays = new LinkedHashMap<>(CheckpointLayoutTest.stateDict(model));
      arrays.remove("visual.ln_post.bias");
      Path file = dir.resolve("missing.safetensors");
      SafetensorsFile.write(file, arrays, Map.of());
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertEquals("visual.ln_post.bias", e.tensor().orElseThrow());
    }
  }

  @Test
  void nonClipSafetensorsIsRejected() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path file = dir.resolve("resnet.safetensors");
      SafetensorsFile.write(file, Map.of("fc.weight", manager.zeros(new Shape(10, 4))), Map.of());
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertTrue(e.getMessage().contains("not a CLIP checkpoint"), e.getMessage());
      assertTrue(e.tensor().isPresent());
    }
  }

  @Test
  void extraWeightsMeanAnotherModel() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = TinyModels.random(manager, TinyModels.config());
      Map<String, NDArray> arrays = new LinkedHashMap<>(CheckpointLayoutTest.stateDict(model));
      arrays.put("visual.extra_head.weight", manager.zeros(new Shape(3)));
      Path file = dir.resolve("extra.safetensors");
      SafetensorsFile.write(file, arrays, Map.of());
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertEquals("visual.extra_head.weight", e.tensor().orElseThrow());
    }
  }

  @Test
  void garbageTorchScriptArchiveIsRejectedNotCrashing() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path file = dir.resolve("garbage.pt");
      Files.write(file, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertEquals(file, e.file());
      assertTrue(e.getMessage().contains("not a TorchScript archive"), e.getMessage());
    }
  }

  @Test
  void truncatedTorchScriptArchiveIsRejected() throws IOException {
    Path fixture = dev.froster.engine.clip.ClipFixture.clipTiny().resolve("openai-jit.pt");
    try (NDManager manager = NDManager.newBaseManager()) {
      Path file = dir.resolve("truncated.pt");
      byte[] bytes = Files.readAllBytes(fixture);
      Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertEquals(file, e.file());
    }
  }

  @Test
  void missingPathIsNamed() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path file = dir.resolve("nowhere.pt");
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> ClipCheckpoint.read(file, manager));
      assertEquals(file, e.file());
    }
  }
}
