package dev.froster.application.internal;

import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.infrastructure.inference.EngineVideoEmbedder;
import dev.froster.infrastructure.inference.VideoEmbedders;
import dev.froster.infrastructure.vector.PgVectorTermEmbeddings;
import dev.froster.infrastructure.vector.PgVectorTermEmbeddings.MissingTerm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Class embeddings of terms, built as the method builds them (froster-method.md, "Text side"): each
 * class text ("label: description", and the same for every synonym) goes through the text tower
 * with the prompt-template ensemble, and the term's embedding is the mean of those unit vectors,
 * renormalised. Synonyms are thus extra members of the term's ensemble: a term named "sprint" with
 * the synonym "dash" is recognised from either wording, and a term without synonyms gets exactly
 * the method's class embedding.
 */
@ApplicationScoped
public class TermEmbeddings {

  private static final Logger LOG = Logger.getLogger(TermEmbeddings.class.getName());

  @Inject private VideoEmbedders embedders;
  @Inject private PgVectorTermEmbeddings store;

  /**
   * Computes the embeddings the version lacks for the vocabulary's terms (every active vocabulary's
   * when null), in the caller's transaction.
   *
   * @return how many were computed
   */
  public int fillMissing(ModelVersion version, VocabularyId vocabulary) {
    return fill(version, store.missing(version.id(), vocabulary));
  }

  /**
   * Computes the embeddings the version lacks for the terms of every vocabulary (active or not), in
   * the caller's transaction: what a version needs before it may serve.
   *
   * @return how many were computed
   */
  public int fillMissingOfEveryVocabulary(ModelVersion version) {
    return fill(version, store.missingOfEveryVocabulary(version.id()));
  }

  private int fill(ModelVersion version, List<MissingTerm> missing) {
    if (missing.isEmpty()) {
      return 0;
    }
    EngineVideoEmbedder embedder = embedders.of(version);
    for (MissingTerm term : missing) {
      store.store(
          term.termId(), version.id(), Embedding.of(classEmbedding(embedder, term.draft())));
    }
    LOG.info("Computed " + missing.size() + " term embedding(s) for " + version.id());
    return missing.size();
  }

  /** Forgets the term's embeddings of every version: its texts changed. */
  public void forget(long termId) {
    store.forget(termId);
  }

  static float[] classEmbedding(EngineVideoEmbedder embedder, TermDraft term) {
    return meanOfUnitVectors(term.classTexts().stream().map(embedder::embedText).toList());
  }

  /** The mean of unit vectors, renormalised to unit length. */
  static float[] meanOfUnitVectors(List<float[]> vectors) {
    int dimension = vectors.get(0).length;
    double[] sum = new double[dimension];
    for (float[] vector : vectors) {
      for (int i = 0; i < dimension; i++) {
        sum[i] += vector[i];
      }
    }
    double norm = 0;
    for (double value : sum) {
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    float[] mean = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      mean[i] = (float) (sum[i] / norm);
    }
    return mean;
  }
}
