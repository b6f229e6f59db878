package dev.froster.engine.clip.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TorchScript archive such as OpenAI's {@code ViT-B-16.pt}: loaded by libtorch as a module whose
 * parameters carry OpenAI's dotted state-dict names; floating weights (fp16 in OpenAI's files) are
 * widened to fp32.
 */
public final class TorchScriptArchive {

  private TorchScriptArchive() {}

  /** Every parameter of the archive's module by name, as fp32 arrays owned by {@code manager}. */
  public static Map<String, NDArray> readParameters(Path file, NDManager manager)
      throws CheckpointException {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file, "no such file");
    }
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    try (NDManager moduleManager = manager.newSubManager()) {
      PtSymbolBlock module;
      try {
        module =
            JniUtils.loadModule(
                (PtNDManager) moduleManager, file, true, new String[0], new String[0], false);
      } catch (RuntimeException e) {
        throw new CheckpointException(
            file,
            "not a TorchScript archive (a plain torch.save state dict cannot be read: export it to"
                + " safetensors): "
                + e.getMessage(),
            e);
      }
      try {
        for (Pair<String, Parameter> named : module.getParameters()) {
          NDArray source = named.getValue().getArray();
          NDArray copy =
              source.getDataType().isFloating()
                  ? source.toType(DataType.FLOAT32, true)
                  : source.duplicate();
          copy.attach(manager);
          copy.setName(named.getKey());
          arrays.put(named.getKey(), copy);
        }
      } finally {
        module.close();
      }
    } catch (CheckpointException e) {
      throw e;
    } catch (RuntimeException e) {
      arrays.values().forEach(NDArray::close);
      throw new CheckpointException(file, "cannot read parameters: " + e.getMessage(), e);
    }
    return arrays;
  }
}
