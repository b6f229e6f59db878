package dev.froster.engine.froster;

import dev.froster.engine.training.TrainingState;

/** Sums over the current epoch, for its metrics row; checkpointed with the run. */
final class EpochTotals {
  double loss;
  double crossEntropy;
  double distillation;
  long steps;
  long correct;
  long seen;

  void add(FrosterTrainer.StepMetrics m, int rightOnes, int total) {
    loss += m.loss();
    crossEntropy += m.crossEntropy();
    distillation += m.distillation();
    steps++;
    correct += rightOnes;
    seen += total;
  }

  double mean(double sum) {
    return steps == 0 ? 0.0 : sum / steps;
  }

  /** The epochs.csv row: epoch, mean loss, CE, distillation, training accuracy, skipped videos. */
  Object[] row(int epoch, int skippedVideos) {
    double accuracy = seen == 0 ? 0.0 : (double) correct / seen;
    return new Object[] {
      epoch, mean(loss), mean(crossEntropy), mean(distillation), accuracy, skippedVideos
    };
  }

  void reset() {
    loss = 0;
    crossEntropy = 0;
    distillation = 0;
    steps = 0;
    correct = 0;
    seen = 0;
  }

  void saveInto(TrainingState.Builder state) {
    state.fact("epoch.loss", Double.toString(loss));
    state.fact("epoch.cross_entropy", Double.toString(crossEntropy));
    state.fact("epoch.distillation", Double.toString(distillation));
    state.fact("epoch.steps", Long.toString(steps));
    state.fact("epoch.correct", Long.toString(correct));
    state.fact("epoch.seen", Long.toString(seen));
  }

  void restore(TrainingState state) {
    loss = Double.parseDouble(state.fact("epoch.loss"));
    crossEntropy = Double.parseDouble(state.fact("epoch.cross_entropy"));
    distillation = Double.parseDouble(state.fact("epoch.distillation"));
    steps = Long.parseLong(state.fact("epoch.steps"));
    correct = Long.parseLong(state.fact("epoch.correct"));
    seen = Long.parseLong(state.fact("epoch.seen"));
  }
}
