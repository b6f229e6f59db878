package dev.froster.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) exactly as PyTorch's {@code torch.optim.AdamW} steps: decoupled
 * weight decay {@code w *= 1 - lr·wd}, then {@code w -= lr / (1 - β1^t) · m / (sqrt(v) / sqrt(1 -
 * β2^t) + ε)}. Decay is applied only where {@link WeightDecayMask} says so.
 *
 * <p>Moments live in this optimiser's own manager, keyed by parameter name, so that {@link
 * #saveInto}/{@link #restoreFrom} can checkpoint them. Each call's temporaries are created in the
 * caller's step manager (see djl-notes.md: scalars as arrays, results in the receiver's manager).
 */
public final class AdamW implements AutoCloseable {

  /**
   * Constants of the optimiser.
   *
   * @param beta1 decay of the first moment (0.9)
   * @param beta2 decay of the second moment (0.999)
   * @param epsilon added to the root of the second moment (1e-8)
   * @param weightDecay decoupled weight decay of the decayed parameters (0.01 in FROSTER)
   */
  public record Settings(double beta1, double beta2, double epsilon, double weightDecay) {

    public Settings {
      if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
        throw new IllegalArgumentException("betas must lie in [0, 1): " + beta1 + ", " + beta2);
      }
      if (!(epsilon > 0) || !(weightDecay >= 0)) {
        throw new IllegalArgumentException(
            "epsilon must be positive and weight decay not negative: "
                + epsilon
                + ", "
                + weightDecay);
      }
    }

    /** FROSTER's reference values: betas (0.9, 0.999), epsilon 1e-8, weight decay 0.01. */
    public static Settings froster() {
      return new Settings(0.9, 0.999, 1e-8, 0.01);
    }
  }

  private static final String FIRST_MOMENT = "adamw.m.";
  private static final String SECOND_MOMENT = "adamw.v.";

  private final Settings settings;
  private final NDManager manager;
  private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
  private long steps;

  /** An optimiser whose moments live in a sub-manager of {@code parent}. */
  public AdamW(Settings settings, NDManager parent) {
    this.settings = settings;
    this.manager = parent.newSubManager();
  }

  public Settings settings() {
    return settings;
  }

  /** Updates done so far (t of the bias correction). */
  public long steps() {
    return steps;
  }

  /**
   * One update of every parameter that has a gradient, in place, at learning rate {@code
   * learningRate}; temporaries go to {@code step}, which the caller closes.
   */
  public void step(List<NamedParameter> parameters, double learningRate, NDManager step) {
    steps++;
    double correction1 = 1 - Math.pow(settings.beta1(), steps);
    double correction2 = 1 - Math.pow(settings.beta2(), steps);
    NDArray beta1 = step.create((float) settings.beta1());
    NDArray oneMinusBeta1 = step.create((float) (1 - settings.beta1()));
    NDArray beta2 = step.create((float) settings.beta2());
    NDArray oneMinusBeta2 = step.create((float) (1 - settings.beta2()));
    NDArray rootCorrection2 = step.create((float) Math.sqrt(correction2));
    NDArray epsilon = step.create((float) settings.epsilon());
    NDArray stepSize = step.create((float) (learningRate / correction1));
    NDArray decayFactor = step.create((float) (1 - learningRate * settings.weightDecay()));
    for (NamedParameter named : parameters) {
      NDArray weights = named.array();
      if (!weights.hasGradient()) {
        continue;
      }
      // Each parameter's temporaries are freed before the next one's are made: held to the end of
      // the step they would add a full copy of the model (0.6 GB at ViT-B/16 size) per temporary.
      try (NDManager scope = step.newSubManager()) {
        NDArray gradient = Gradients.of(weights, scope);
        NDArray m =
            firstMoments.computeIfAbsent(named.name(), n -> manager.zeros(weights.getShape()));
        NDArray v =
            secondMoments.computeIfAbsent(named.name(), n -> manager.zeros(weights.getShape()));
        if (settings.weightDecay() > 0
            && WeightDecayMask.decays(named.name(), weights.getShape())) {
          weights.muli(decayFactor);
        }
        // m = β1 m + (1 - β1) g ; v = β2 v + (1 - β2) g²
        m.muli(beta1).addi(gradient.mul(oneMinusBeta1));
        v.muli(beta2).addi(gradient.square().muli(oneMinusBeta2));
        // w -= lr / c1 · m / (sqrt(v) / sqrt(c2) + ε); sqrt(v) and m / (...) would belong to the
        // moments' long-lived manager (two arrays left behind per parameter and step): move them
        NDArray denominator = inStep(v.sqrt(), scope).divi(rootCorrection2).addi(epsilon);
        weights.subi(inStep(m.div(denominator), scope).muli(stepSize));
      }
    }
  }

  private static NDArray inStep(NDArray temporary, NDManager step) {
    temporary.attach(step);
    return temporary;
  }

  /** Adds the moments and the step count to a checkpoint. */
  public void saveInto(TrainingState.Builder state) {
    state.fact("adamw.steps", Long.toString(steps));
    firstMoments.forEach((name, array) -> state.array(FIRST_MOMENT + name, array));
    secondMoments.forEach((name, array) -> state.array(SECOND_MOMENT + name, array));
  }

  /** Replaces the moments and the step count by those of a checkpoint. */
  public void restoreFrom(TrainingState state) {
    firstMoments.values().forEach(NDArray::close);
    secondMoments.values().forEach(NDArray::close);
    firstMoments.clear();
    secondMoments.clear();
    steps = Long.parseLong(state.fact("adamw.steps"));
    state
        .arrays()
        .forEach(
            (name, array) -> {
              if (name.startsWith(FIRST_MOMENT)) {
                firstMoments.put(name.substring(FIRST_MOMENT.length()), array.duplicate());
              } else if (name.startsWith(SECOND_MOMENT)) {
                secondMoments.put(name.substring(SECOND_MOMENT.length()), array.duplicate());
              }
            });
    firstMoments.values().forEach(a -> a.attach(manager));
    secondMoments.values().forEach(a -> a.attach(manager));
  }

  @Override
  public void close() {
    manager.close();
  }
}
