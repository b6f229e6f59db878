package dev.froster.engine.clip.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CLIP checkpoint from an OpenAI TorchScript archive, a Hugging Face folder (config.json +
 * model.safetensors) or a safetensors file with OpenAI's or Hugging Face's names, checks every
 * tensor, and builds the model.
 */
public final class ClipCheckpoint {

  /** Weights file of a Hugging Face folder. */
  public static final String HF_WEIGHTS = "model.safetensors";

  /** Architecture file of a Hugging Face folder. */
  public static final String HF_CONFIG = "config.json";

  /** Entries of OpenAI's archives that are not parameters (its loader deletes them too). */
  private static final Set<String> OPENAI_EXTRAS =
      Set.of("input_resolution", "context_length", "vocab_size");

  /** The source formats. */
  public enum Format {
    OPENAI_TORCHSCRIPT,
    HUGGING_FACE_SAFETENSORS,
    OPENAI_SAFETENSORS
  }

  /** A model read from {@code weightsFile} in the given format. */
  public record Imported(ClipModel model, Format format, Path weightsFile) {}

  private ClipCheckpoint() {}

  /**
   * Reads the checkpoint at {@code path} (file or Hugging Face folder) into a model whose
   * parameters belong to {@code manager}.
   */
  public static Imported read(Path path, NDManager manager) throws CheckpointException {
    if (Files.isDirectory(path)) {
      Path weights = path.resolve(HF_WEIGHTS);
      if (!Files.isRegularFile(weights)) {
        throw new CheckpointException(
            path, "not a CLIP checkpoint folder: no " + HF_WEIGHTS + " (Hugging Face layout)");
      }
      return readSafetensors(weights, path.resolve(HF_CONFIG), manager);
    }
    if (!Files.isRegularFile(path)) {
      throw new CheckpointException(path, "no such file or folder");
    }
    if (path.getFileName().toString().endsWith(".safetensors")) {
      return readSafetensors(path, path.resolveSibling(HF_CONFIG), manager);
    }
    return readTorchScript(path, manager);
  }

  private static Imported readTorchScript(Path file, NDManager manager) throws CheckpointException {
    Map<String, NDArray> arrays = TorchScriptArchive.readParameters(file, manager);
    try {
      Map<String, Shape> shapes = new LinkedHashMap<>();
      arrays.forEach((name, array) -> shapes.put(name, array.getShape()));
      ClipConfig config = ConfigInference.fromOpenAiShapes(file, shapes);
      check(file, shapes, ClipParameters.shapes(config), OPENAI_EXTRAS);
      ClipModel model = new ClipModel(config).initializeFrom(manager, arrays);
      closeUnused(arrays, ClipParameters.shapes(config).keySet());
      return new Imported(model, Format.OPENAI_TORCHSCRIPT, file);
    } catch (CheckpointException | RuntimeException e) {
      arrays.values().forEach(NDArray::close);
      throw e;
    }
  }

  private static Imported readSafetensors(Path file, Path configJson, NDManager manager)
      throws CheckpointException {
    SafetensorsFile.Header header = SafetensorsFile.readHeader(file);
    Map<String, Shape> shapes = header.shapes();
    boolean huggingFace = shapes.keySet().stream().anyMatch(HuggingFaceNames::isHuggingFaceName);
    ClipConfig config =
        huggingFace
            ? ConfigInference.fromHuggingFaceShapes(file, shapes, configJson)
            : ConfigInference.fromOpenAiShapes(file, shapes);
    Map<String, Shape> expected = ClipParameters.shapes(config);
    if (huggingFace) {
      Map<String, Shape> hfExpected = new LinkedHashMap<>();
      expected.forEach(
          (name, shape) -> hfExpected.putAll(HuggingFaceNames.toHuggingFace(name, shape)));
      Set<String> ignored = new HashSet<>();
      shapes.keySet().stream()
          .filter(n -> HuggingFaceNames.IGNORED.matcher(n).matches())
          .forEach(ignored::add);
      check(file, shapes, hfExpected, ignored);
      Map<String, NDArray> hf = SafetensorsFile.read(file, header, hfExpected.keySet(), manager);
      try {
        Map<String, NDArray> stateDict = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
          stateDict.put(name, HuggingFaceNames.fromHuggingFace(name, hf));
        }
        ClipModel model = new ClipModel(config).initializeFrom(manager, stateDict);
        // renamed tensors are now parameters; the q/k/v parts and untransposed projections are not
        Set<NDArray> kept = new HashSet<>(stateDict.values());
        hf.values().stream().filter(a -> !kept.contains(a)).forEach(NDArray::close);
        return new Imported(model, Format.HUGGING_FACE_SAFETENSORS, file);
      } catch (RuntimeException e) {
        hf.values().forEach(NDArray::close);
        throw new CheckpointException(file, "cannot assemble the model: " + e.getMessage(), e);
      }
    }
    return new Imported(
        readOpenAiSafetensors(file, header, config, manager), Format.OPENAI_SAFETENSORS, file);
  }

  /**
   * Reads a safetensors file with OpenAI's names whose architecture is known (a bundle's weights):
   * every tensor must have the shape {@code config} gives.
   */
  public static ClipModel readWeights(Path file, ClipConfig config, NDManager manager)
      throws CheckpointException {
    return readOpenAiSafetensors(file, SafetensorsFile.readHeader(file), config, manager);
  }

  private static ClipModel readOpenAiSafetensors(
      Path file, SafetensorsFile.Header header, ClipConfig config, NDManager manager)
      throws CheckpointException {
    Map<String, Shape> expected = ClipParameters.shapes(config);
    check(file, header.shapes(), expected, Set.of());
    Map<String, NDArray> arrays = SafetensorsFile.read(file, header, expected.keySet(), manager);
    try {
      return new ClipModel(config).initializeFrom(manager, arrays);
    } catch (RuntimeException e) {
      arrays.values().forEach(NDArray::close);
      throw new CheckpointException(file, "cannot assemble the model: " + e.getMessage(), e);
    }
  }

  /**
   * Every expected tensor present with its shape, and nothing else but {@code ignorable}: a
   * checkpoint with extra weights is some other model.
   */
  static void check(
      Path file, Map<String, Shape> actual, Map<String, Shape> expected, Set<String> ignorable)
      throws CheckpointException {
    for (Map.Entry<String, Shape> tensor : expected.entrySet()) {
      Shape shape = actual.get(tensor.getKey());
      if (shape == null) {
        throw new CheckpointException(file, tensor.getKey(), "missing", null);
      }
      if (!shape.equals(tensor.getValue())) {
        throw new CheckpointException(
            file, tensor.getKey(), "has shape " + shape + ", expected " + tensor.getValue(), null);
      }
    }
    for (String name : actual.keySet()) {
      if (!expected.containsKey(name) && !ignorable.contains(name)) {
        throw new CheckpointException(file, name, "unexpected tensor: not part of CLIP", null);
      }
    }
  }

  private static void closeUnused(Map<String, NDArray> arrays, Set<String> used) {
    arrays.forEach(
        (name, array) -> {
          if (!used.contains(name)) {
            array.close();
          }
        });
  }
}
