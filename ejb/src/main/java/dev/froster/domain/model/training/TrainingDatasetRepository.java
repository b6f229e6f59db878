package dev.froster.domain.model.training;

import java.util.List;

/** Registered training datasets. */
public interface TrainingDatasetRepository {

  /** Every registered dataset, oldest first. */
  List<TrainingDataset> list();

  boolean nameTaken(String name);

  void add(TrainingDataset dataset);
}
