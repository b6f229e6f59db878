package dev.froster.engine.cli;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.bundle.Sha256;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code froster import-clip --checkpoint PATH [--bpe VOCAB] --output BUNDLE_DIR}. */
@Command(
    name = "import-clip",
    mixinStandardHelpOptions = true,
    description = "Import an OpenAI .pt archive or a Hugging Face CLIP folder into a model bundle.")
final class ImportClipCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--checkpoint",
      required = true,
      description = "An OpenAI .pt archive, a Hugging Face folder or a .safetensors file.")
  Path checkpoint;

  @Option(
      names = "--bpe",
      description =
          "Tokenizer vocabulary (bpe_simple_vocab_16e6.txt.gz or a folder with vocab.json + merges.txt);"
              + " needed unless the checkpoint folder holds vocab.json + merges.txt.")
  Path bpe;

  @Option(names = "--output", required = true, description = "The bundle folder to create.")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (ModelBundle.isBundle(checkpoint)) {
      throw new IOException(checkpoint + ": already a model bundle");
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelSource source = ModelSource.open(checkpoint, bpe, manager);
      ClipTokenizer tokenizer =
          source
              .tokenizer()
              .orElseThrow(
                  () ->
                      new IOException(
                          checkpoint
                              + ": no tokenizer files (vocab.json + merges.txt): pass --bpe"));
      ClipConfig config = source.model().config();
      if (tokenizer.vocabularySize() != config.vocabSize()) {
        throw new IOException(
            (bpe != null ? bpe : checkpoint)
                + ": tokenizer has "
                + tokenizer.vocabularySize()
                + " ids but the model's token embedding has "
                + config.vocabSize());
      }
      BundleManifest.Provenance provenance =
          new BundleManifest.Provenance(
              checkpoint.toAbsolutePath().normalize().toString(),
              source.format(),
              Sha256.of(source.weightsFile()),
              null,
              "froster import-clip");
      ModelBundle.write(output, source.model(), tokenizer, provenance, Map.of());
      spec.commandLine().getOut().println("wrote bundle " + output + " (" + config + ")");
    }
    return 0;
  }
}
