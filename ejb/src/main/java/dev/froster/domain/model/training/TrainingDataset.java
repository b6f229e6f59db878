package dev.froster.domain.model.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A dataset folder registered for training: an engine ActionDataset ({@code classes.tsv} with name,
 * description and optional base/novel split, {@code videos.tsv}) under the datasets root. Every run
 * reads all registered datasets besides the review decisions.
 */
@Entity
@Table(name = "training_dataset")
public class TrainingDataset {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, unique = true)
  private String name;

  @Column(name = "path", nullable = false)
  private String path;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected TrainingDataset() {}

  public TrainingDataset(String name, String path) {
    this.name = name;
    this.path = path;
    this.createdAt = Instant.now();
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String path() {
    return path;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
