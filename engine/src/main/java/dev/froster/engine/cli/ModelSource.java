package dev.froster.engine.cli;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.checkpoint.ClipCheckpoint;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model named on the command line: a bundle, an OpenAI {@code .pt} archive, a Hugging Face folder
 * or a safetensors file, with its tokenizer when one can be found.
 *
 * @param model the model
 * @param tokenizer from {@code --bpe}, else the bundle's or the Hugging Face folder's files
 * @param format "bundle" or the checkpoint format
 * @param weightsFile the file the weights were read from
 */
record ModelSource(
    ClipModel model, Optional<ClipTokenizer> tokenizer, String format, Path weightsFile) {

  static final String BUNDLE_FORMAT = "bundle";

  /** Opens {@code path}; {@code bpe} (may be null) overrides the tokenizer. */
  static ModelSource open(Path path, Path bpe, NDManager manager) throws IOException {
    Optional<ClipTokenizer> explicit =
        bpe == null ? Optional.empty() : Optional.of(ClipTokenizer.load(bpe));
    if (ModelBundle.isBundle(path)) {
      ModelBundle bundle = ModelBundle.load(path, manager);
      return new ModelSource(
          bundle.model(),
          explicit.or(() -> Optional.of(bundle.tokenizer())),
          BUNDLE_FORMAT,
          path.resolve(bundle.manifest().weights()));
    }
    ClipCheckpoint.Imported imported = ClipCheckpoint.read(path, manager);
    Optional<ClipTokenizer> tokenizer = explicit;
    if (tokenizer.isEmpty()
        && Files.isDirectory(path)
        && Files.isRegularFile(path.resolve("vocab.json"))
        && Files.isRegularFile(path.resolve("merges.txt"))) {
      tokenizer = Optional.of(ClipTokenizer.load(path));
    }
    return new ModelSource(
        imported.model(), tokenizer, imported.format().name(), imported.weightsFile());
  }
}
