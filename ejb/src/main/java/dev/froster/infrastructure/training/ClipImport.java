package dev.froster.infrastructure.training;

import ai.djl.ndarray.NDManager;
import dev.froster.application.InvalidModelBundleException;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.bundle.Sha256;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.checkpoint.ClipCheckpoint;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns an external CLIP checkpoint into a model bundle, as {@code froster import-clip} does: an
 * OpenAI TorchScript {@code .pt}, a Hugging Face folder ({@code config.json} + {@code
 * model.safetensors}) or a safetensors file with OpenAI's names. Everything is read and checked
 * before the bundle is written (atomically), so a file that is not a CLIP checkpoint leaves
 * nothing.
 */
@ApplicationScoped
public class ClipImport {

  /** What the bundle holds, for the registry. */
  public record Imported(Path bundle, String format, String sourceSha256, String architecture) {}

  /**
   * Imports {@code checkpoint} (with the tokenizer at {@code tokenizer}, or the folder's own) into
   * {@code target}.
   *
   * @throws InvalidModelBundleException naming the file and what is wrong
   */
  public Imported importInto(Path checkpoint, Path tokenizer, Path target) {
    if (Files.exists(target)) {
      throw new InvalidModelBundleException(target + " exists already: choose another name");
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipCheckpoint.Imported imported;
      try {
        imported = ClipCheckpoint.read(checkpoint, manager);
      } catch (IOException | RuntimeException notClip) {
        throw new InvalidModelBundleException(
            "checkpointPath: not a CLIP checkpoint: " + notClip.getMessage());
      }
      ClipTokenizer tokens = tokenizer(checkpoint, tokenizer);
      ClipConfig config = imported.model().config();
      if (tokens.vocabularySize() != config.vocabSize()) {
        throw new InvalidModelBundleException(
            "tokenizerPath: the tokenizer has "
                + tokens.vocabularySize()
                + " ids but the model's token embedding has "
                + config.vocabSize());
      }
      String sourceSha256 = Sha256.of(imported.weightsFile());
      ModelBundle.write(
          target,
          imported.model(),
          tokens,
          new BundleManifest.Provenance(
              checkpoint.toString(),
              imported.format().name(),
              sourceSha256,
              null,
              "froster model import"),
          Map.of());
      return new Imported(target, imported.format().name(), sourceSha256, config.toString());
    } catch (IOException writing) {
      throw new InvalidModelBundleException(
          "the bundle could not be written to " + target + ": " + writing.getMessage());
    }
  }

  private static ClipTokenizer tokenizer(Path checkpoint, Path explicit) {
    Path source = explicit;
    if (source == null) {
      if (Files.isDirectory(checkpoint)
          && Files.isRegularFile(checkpoint.resolve("vocab.json"))
          && Files.isRegularFile(checkpoint.resolve("merges.txt"))) {
        source = checkpoint;
      } else {
        throw new InvalidModelBundleException(
            "tokenizerPath: "
                + checkpoint
                + " holds no tokenizer (vocab.json + merges.txt): name one");
      }
    }
    try {
      return ClipTokenizer.load(source);
    } catch (IOException | RuntimeException unusable) {
      throw new InvalidModelBundleException(
          "tokenizerPath: " + source + " is not a CLIP tokenizer: " + unusable.getMessage());
    }
  }
}
