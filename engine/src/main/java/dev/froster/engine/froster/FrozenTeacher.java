package dev.froster.engine.froster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frozen teacher (froster-method.md, "The problem" and "Residual feature distillation"): a copy
 * of the starting CLIP, never updated, run frame-wise (no temporal attention). Its unit text
 * embeddings of every (class, prompt) are computed once and cached: the teacher is frozen and sees
 * the same texts as the student, so a step's class embeddings are an average of cached rows.
 */
public final class FrozenTeacher implements AutoCloseable {

  private static final int TEXT_CHUNK = 64;

  private final NDManager manager;
  private final ClipModel model;
  private final NDArray unitTexts; // (C, 29, D)
  private final float[] unitTextValues; // the same, on the Java heap: rows are picked every step

  /** Copies {@code start}'s weights into a frozen model in a sub-manager of {@code parent}. */
  public FrozenTeacher(
      ClipModel start, PromptEnsemble prompts, ClipTokenizer tokenizer, NDManager parent) {
    manager = parent.newSubManager();
    Map<String, NDArray> copies = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> entry : ClipParameters.byName(start).entrySet()) {
      NDArray copy = entry.getValue().getArray().duplicate();
      copy.attach(manager);
      copies.put(entry.getKey(), copy);
    }
    model = new ClipModel(start.config()).initializeFrom(manager, copies);
    model.freezeParameters(true);
    unitTexts = encodeAll(prompts, tokenizer);
    unitTextValues = unitTexts.toFloatArray();
  }

  private NDArray encodeAll(PromptEnsemble prompts, ClipTokenizer tokenizer) {
    List<String> texts = prompts.testTexts();
    int context = model.config().contextLength();
    float[] all = new float[texts.size() * model.config().embedDim()];
    int offset = 0;
    for (int from = 0; from < texts.size(); from += TEXT_CHUNK) {
      try (NDManager chunk = manager.newSubManager()) {
        List<String> part = texts.subList(from, Math.min(texts.size(), from + TEXT_CHUNK));
        NDArray ids = chunk.create(tokenizer.encodeBatch(part, context));
        float[] features = ClipModel.normalise(model.encodeText(ids)).toFloatArray();
        System.arraycopy(features, 0, all, offset, features.length);
        offset += features.length;
      }
    }
    return manager.create(
        all, new Shape(prompts.classes(), PromptEnsemble.TEST_PROMPTS, model.config().embedDim()));
  }

  /** The teacher's model (frozen). */
  public ClipModel model() {
    return model;
  }

  /** Frame-wise features (B, T, D) of clips (B, T, 3, R, R), in the clips' manager. */
  public NDArray frameFeatures(NDArray clips) {
    return model.encodeVideo(new ParameterStore(clips.getManager(), false), clips, false, false);
  }

  /**
   * Unit class embeddings (C, D) for a training step: the cached embedding of each class's chosen
   * template and of its bare text, averaged and renormalised; in {@code step}.
   */
  public NDArray trainingClassEmbeddings(int[] templateChoice, NDManager step) {
    int classes = (int) unitTexts.getShape().get(0);
    long width = unitTexts.getShape().get(2);
    float[] cache = unitTextValues;
    float[] picked = new float[(int) (classes * 2 * width)];
    int bare = PromptEnsemble.TEMPLATES.size();
    for (int c = 0; c < classes; c++) {
      copyRow(cache, c, templateChoice[c], width, picked, 2 * c);
      copyRow(cache, c, bare, width, picked, 2 * c + 1);
    }
    NDArray rows = step.create(picked, new Shape(classes * 2L, width));
    return VideoClassifier.averagePrompts(rows, PromptEnsemble.TRAINING_PROMPTS);
  }

  /** Unit class embeddings (C, D) over all 29 prompts, in {@code manager}. */
  public NDArray testClassEmbeddings(NDManager target) {
    NDArray rows = unitTexts.duplicate();
    rows.attach(target);
    long width = unitTexts.getShape().get(2);
    return VideoClassifier.averagePrompts(rows.reshape(-1, width), PromptEnsemble.TEST_PROMPTS);
  }

  private static void copyRow(
      float[] cache, int classIndex, int prompt, long width, float[] out, int outRow) {
    int from = (int) ((classIndex * (long) PromptEnsemble.TEST_PROMPTS + prompt) * width);
    System.arraycopy(cache, from, out, (int) (outRow * width), (int) width);
  }

  @Override
  public void close() {
    manager.close();
  }
}
