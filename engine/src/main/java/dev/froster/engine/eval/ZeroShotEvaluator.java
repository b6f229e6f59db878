package dev.froster.engine.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.froster.PromptEnsemble;
import dev.froster.engine.froster.VideoClassifier;
import dev.froster.engine.froster.VideoClips;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.VideoEntry;
import dev.froster.engine.video.VideoDecodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-1 accuracy of a video model over a class vocabulary (froster-method.md, "Scoring a video"):
 * class embeddings from all 29 prompts per class, K test clips per video with their softmax
 * probabilities averaged. Every protocol and the {@code eval} command score through this one class,
 * so they cannot drift apart.
 */
public final class ZeroShotEvaluator {

  /** Test videos scored per forward pass (bounds memory for large test sets). */
  private static final int VIDEOS_PER_BATCH = 4;

  private final ClipTokenizer tokenizer;
  private final VideoClips clips;

  public ZeroShotEvaluator(ClipTokenizer tokenizer, VideoClips clips) {
    this.tokenizer = tokenizer;
    this.clips = clips;
  }

  /**
   * Scores {@code videos} against {@code vocabulary}.
   *
   * @throws IllegalArgumentException naming the file of a video whose class is not in the
   *     vocabulary
   * @throws VideoDecodingException naming a test video that cannot be decoded (a test set is never
   *     silently shrunk)
   */
  public SplitAccuracy evaluate(
      VideoClassifier model,
      List<ActionClass> vocabulary,
      List<VideoEntry> videos,
      NDManager parent)
      throws VideoDecodingException {
    Map<Integer, Integer> indexById = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      indexById.put(vocabulary.get(i).id(), i);
    }
    int[] labels = new int[videos.size()];
    for (int v = 0; v < videos.size(); v++) {
      Integer index = indexById.get(videos.get(v).classId());
      if (index == null) {
        throw new IllegalArgumentException(
            videos.get(v).file()
                + " has class "
                + videos.get(v).classId()
                + ", which is not in the evaluated vocabulary");
      }
      labels[v] = index;
    }
    // [true class][predicted class]: the diagonal holds the correct videos
    int[][] predictedPerClass = new int[vocabulary.size()][vocabulary.size()];
    try (NDManager manager = parent.newSubManager()) {
      PromptEnsemble prompts = PromptEnsemble.of(vocabulary);
      NDArray tokens = model.tokens(tokenizer, prompts.testTexts(), manager);
      ParameterStore store = new ParameterStore(manager, false);
      // (C · 29, context) -> (C, D) unit class embeddings, computed once for all videos
      NDArray classes = model.classEmbeddings(store, tokens, PromptEnsemble.TEST_PROMPTS, false);
      for (int from = 0; from < videos.size(); from += VIDEOS_PER_BATCH) {
        int to = Math.min(videos.size(), from + VIDEOS_PER_BATCH);
        try (NDManager scope = manager.newSubManager()) {
          List<NDArray> batch = new ArrayList<>();
          for (int v = from; v < to; v++) {
            batch.add(clips.testClips(videos.get(v).file(), scope)); // (K, T, 3, R, R)
          }
          // (B, K, T, 3, R, R) -> (B, C)
          NDArray probabilities = model.probabilities(NDArrays.stack(new NDList(batch)), classes);
          long[] predicted = probabilities.argMax(1).toLongArray();
          for (int v = from; v < to; v++) {
            predictedPerClass[labels[v]][(int) predicted[v - from]]++;
          }
        }
      }
    }
    List<SplitAccuracy.ClassAccuracy> perClass = new ArrayList<>();
    int correct = 0;
    for (int c = 0; c < vocabulary.size(); c++) {
      Map<String, Integer> mistakenFor = new HashMap<>();
      int total = 0;
      for (int p = 0; p < vocabulary.size(); p++) {
        total += predictedPerClass[c][p];
        if (p != c && predictedPerClass[c][p] > 0) {
          mistakenFor.put(vocabulary.get(p).name(), predictedPerClass[c][p]);
        }
      }
      correct += predictedPerClass[c][c];
      perClass.add(
          new SplitAccuracy.ClassAccuracy(
              vocabulary.get(c).name(), predictedPerClass[c][c], total, mistakenFor));
    }
    return new SplitAccuracy(correct, videos.size(), perClass);
  }
}
