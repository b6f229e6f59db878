package dev.froster.engine.froster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.training.TrainingState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Uniform averaging of per-epoch weights (froster-method.md, "Weight averaging"): the final model
 * is the mean of the weights at the end of epochs {@code from}..last. Keeps a running sum and a
 * count, both checkpointed, so a resumed run averages the same epochs.
 */
public final class WeightAveraging implements AutoCloseable {

  private static final String PREFIX = "average.";

  private final NDManager manager;
  private final Map<String, NDArray> sums = new LinkedHashMap<>();
  private int count;

  public WeightAveraging(NDManager parent) {
    manager = parent.newSubManager();
  }

  /** Adds one set of weights (by name) to the average. */
  public void add(Map<String, NDArray> weights) {
    if (count > 0 && !weights.keySet().equals(sums.keySet())) {
      throw new IllegalArgumentException("weights to average have different names than before");
    }
    for (Map.Entry<String, NDArray> entry : weights.entrySet()) {
      NDArray sum = sums.get(entry.getKey());
      if (sum == null) {
        NDArray copy = entry.getValue().duplicate();
        copy.attach(manager);
        sums.put(entry.getKey(), copy);
      } else {
        sum.addi(entry.getValue());
      }
    }
    count++;
  }

  /** Sets of weights added so far. */
  public int count() {
    return count;
  }

  /** The mean weights by name, in {@code target}; an error when nothing was added. */
  public Map<String, NDArray> mean(NDManager target) {
    if (count == 0) {
      throw new IllegalStateException("no weights were added to the average");
    }
    Map<String, NDArray> mean = new LinkedHashMap<>();
    NDArray divisor = target.create((float) count);
    sums.forEach(
        (name, sum) -> {
          NDArray copy = sum.duplicate();
          copy.attach(target);
          mean.put(name, copy.div(divisor));
        });
    return mean;
  }

  /** Adds the sums and the count to a checkpoint. */
  public void saveInto(TrainingState.Builder state) {
    state.fact("average.count", Integer.toString(count));
    sums.forEach((name, sum) -> state.array(PREFIX + name, sum));
  }

  /** Replaces the sums and the count by those of a checkpoint. */
  public void restoreFrom(TrainingState state) {
    sums.values().forEach(NDArray::close);
    sums.clear();
    count = Integer.parseInt(state.fact("average.count"));
    state
        .arrays()
        .forEach(
            (name, array) -> {
              if (name.startsWith(PREFIX)) {
                NDArray copy = array.duplicate();
                copy.attach(manager);
                sums.put(name.substring(PREFIX.length()), copy);
              }
            });
  }

  @Override
  public void close() {
    manager.close();
  }
}
