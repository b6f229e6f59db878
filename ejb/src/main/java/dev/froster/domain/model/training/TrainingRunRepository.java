package dev.froster.domain.model.training;

import java.util.List;
import java.util.Optional;

/** Finds and stores training runs. */
public interface TrainingRunRepository {

  Optional<TrainingRun> find(TrainingRunId id);

  /** The run in status running, if any (at most one). */
  Optional<TrainingRun> running();

  /** Runs, newest first, at most {@code limit}. */
  List<TrainingRun> list(int limit);

  void add(TrainingRun run);

  /** Writes pending changes now (so that the single-running index is checked here). */
  void flush();
}
