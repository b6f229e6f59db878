package dev.froster.engine.froster;

import com.google.gson.JsonObject;
import dev.froster.engine.training.AdamW;
import java.lang.reflect.RecordComponent;

/**
 * Every constant of a training run, with the paper's values as defaults (froster-method.md, "Model"
 * and "Optimisation"). Build with {@link #builder(Method)}.
 *
 * @param method the recipe (FROSTER or a baseline)
 * @param temporal neighbour-frame attention in the student (default: the method's)
 * @param pooling how frames become one score (default: the method's)
 * @param frames frames per clip (8)
 * @param frameStride frames between sampled frames (16; short videos repeat their last frame)
 * @param testClips clips spread evenly over a test video, predictions averaged (3)
 * @param jitterMaxScale training: the short side is drawn in [R, R · this] before a random R crop
 *     (256 / 224)
 * @param horizontalFlip training: mirror half of the clips (the paper does; it corrupts labels of
 *     direction-dependent classes such as "moving left", see the package description)
 * @param alpha residual head weight (0.1)
 * @param beta distillation loss weight (2.0)
 * @param optimiser AdamW constants (weight decay 0.01)
 * @param baseLearningRate peak learning rate (3.33e-6)
 * @param warmupStartLearningRate first step's learning rate (3.33e-8)
 * @param endLearningRate last step's learning rate (3.33e-8)
 * @param warmupEpochs epochs of linear warm-up (2)
 * @param epochs epochs of training (12, base-to-novel)
 * @param batchSize videos per step (64)
 * @param clipNorm global gradient L2 norm limit (1.0)
 * @param averageFromEpoch first epoch (1-based) of the weight average (2)
 * @param checkpointEverySteps save a resumable checkpoint every this many steps (0: at epoch ends
 *     only)
 * @param seed fixes data order, augmentation and prompt choice
 */
public record FrosterSettings(
    Method method,
    boolean temporal,
    Pooling pooling,
    int frames,
    int frameStride,
    int testClips,
    double jitterMaxScale,
    boolean horizontalFlip,
    float alpha,
    float beta,
    AdamW.Settings optimiser,
    double baseLearningRate,
    double warmupStartLearningRate,
    double endLearningRate,
    double warmupEpochs,
    int epochs,
    int batchSize,
    double clipNorm,
    int averageFromEpoch,
    int checkpointEverySteps,
    long seed) {

  public FrosterSettings {
    requirePositive("frames", frames);
    requirePositive("frameStride", frameStride);
    requirePositive("testClips", testClips);
    requirePositive("batchSize", batchSize);
    requirePositive("averageFromEpoch", averageFromEpoch);
    if (epochs < 0 || checkpointEverySteps < 0 || warmupEpochs < 0) {
      throw new IllegalArgumentException("epochs, warmupEpochs, checkpointEverySteps must be >= 0");
    }
    if (!(jitterMaxScale >= 1)) {
      throw new IllegalArgumentException("jitterMaxScale must be at least 1: " + jitterMaxScale);
    }
    if (!(clipNorm > 0) || alpha < 0 || beta < 0) {
      throw new IllegalArgumentException("clipNorm must be positive, alpha and beta not negative");
    }
  }

  /** The paper's settings for {@code method}. */
  public static Builder builder(Method method) {
    return new Builder(method);
  }

  /** This run's settings as JSON (recorded in checkpoints and compared on resume). */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    for (RecordComponent component : FrosterSettings.class.getRecordComponents()) {
      try {
        json.addProperty(component.getName(), String.valueOf(component.getAccessor().invoke(this)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return json;
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** Settings with the paper's defaults; change what differs. */
  public static final class Builder {
    private final Method method;
    private boolean temporal;
    private Pooling pooling;
    private int frames = 8;
    private int frameStride = 16;
    private int testClips = 3;
    private double jitterMaxScale = 256.0 / 224.0;
    private boolean horizontalFlip = true;
    private float alpha = 0.1f;
    private float beta = 2.0f;
    private AdamW.Settings optimiser = AdamW.Settings.froster();
    private double baseLearningRate = 3.33e-6;
    private double warmupStartLearningRate = 3.33e-8;
    private double endLearningRate = 3.33e-8;
    private double warmupEpochs = 2;
    private int epochs = 12;
    private int batchSize = 64;
    private double clipNorm = 1.0;
    private int averageFromEpoch = 2;
    private int checkpointEverySteps = 0;
    private long seed = 0;

    private Builder(Method method) {
      this.method = method;
      this.temporal = method.temporal();
      this.pooling = method.pooling();
    }

    public Builder temporal(boolean value) {
      temporal = value;
      return this;
    }

    public Builder pooling(Pooling value) {
      pooling = value;
      return this;
    }

    public Builder frames(int value) {
      frames = value;
      return this;
    }

    public Builder frameStride(int value) {
      frameStride = value;
      return this;
    }

    public Builder testClips(int value) {
      testClips = value;
      return this;
    }

    public Builder jitterMaxScale(double value) {
      jitterMaxScale = value;
      return this;
    }

    public Builder horizontalFlip(boolean value) {
      horizontalFlip = value;
      return this;
    }

    public Builder alpha(float value) {
      alpha = value;
      return this;
    }

    public Builder beta(float value) {
      beta = value;
      return this;
    }

    public Builder optimiser(AdamW.Settings value) {
      optimiser = value;
      return this;
    }

    /** Base, warm-up start and end learning rates. */
    public Builder learningRates(double base, double warmupStart, double end) {
      baseLearningRate = base;
      warmupStartLearningRate = warmupStart;
      endLearningRate = end;
      return this;
    }

    public Builder warmupEpochs(double value) {
      warmupEpochs = value;
      return this;
    }

    public Builder epochs(int value) {
      epochs = value;
      return this;
    }

    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    public Builder clipNorm(double value) {
      clipNorm = value;
      return this;
    }

    public Builder averageFromEpoch(int value) {
      averageFromEpoch = value;
      return this;
    }

    public Builder checkpointEverySteps(int value) {
      checkpointEverySteps = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public FrosterSettings build() {
      return new FrosterSettings(
          method,
          temporal,
          pooling,
          frames,
          frameStride,
          testClips,
          jitterMaxScale,
          horizontalFlip,
          alpha,
          beta,
          optimiser,
          baseLearningRate,
          warmupStartLearningRate,
          endLearningRate,
          warmupEpochs,
          epochs,
          batchSize,
          clipNorm,
          averageFromEpoch,
          checkpointEverySteps,
          seed);
    }
  }
}
