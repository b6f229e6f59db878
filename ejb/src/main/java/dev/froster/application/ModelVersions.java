package dev.froster.application;

import dev.froster.domain.model.model.ModelVersionId;
import java.util.List;

/**
 * The registry's reads and imports, beside {@link ModelRegistry} (registration and activation):
 * every version with its kind, parent, teacher, training configuration and metrics; import of an
 * external CLIP checkpoint as a base version, the frozen teacher of later training runs.
 */
public interface ModelVersions {

  /** Every version, newest first. */
  List<ModelVersionDetails> list();

  /**
   * @throws UnknownEntityException when the version does not exist
   */
  ModelVersionDetails details(ModelVersionId id);

  /**
   * Imports an OpenAI {@code .pt} archive or a Hugging Face CLIP folder into a bundle under the
   * models root and registers it as a base version (status candidate).
   *
   * @param checkpointPath under the models root or an ingest root (relative: to the models root)
   * @param tokenizerPath the BPE vocabulary ({@code bpe_simple_vocab_16e6.txt.gz}) or a folder with
   *     {@code vocab.json} + {@code merges.txt}; null when the checkpoint folder holds them
   * @throws InvalidModelBundleException naming what is wrong; nothing is registered and no bundle
   *     folder is left
   */
  ModelVersionDetails importClip(String name, String checkpointPath, String tokenizerPath);
}
