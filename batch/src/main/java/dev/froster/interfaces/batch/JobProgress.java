package dev.froster.interfaces.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Done/total of the job executions running in this server, updated by their artifacts item by item
 * so that progress can be read while a job runs (Jakarta Batch's own step metrics are only stored
 * at checkpoints). Finished executions report their final counts from the step metrics instead.
 */
@ApplicationScoped
public class JobProgress {

  /** How many of the execution's items are done out of how many. */
  public record Counts(long done, long total) {}

  private final Map<Long, Counts> running = new ConcurrentHashMap<>();

  public void start(long executionId, long done, long total) {
    running.put(executionId, new Counts(done, total));
  }

  public void advance(long executionId, long items) {
    running.computeIfPresent(executionId, (id, c) -> new Counts(c.done() + items, c.total()));
  }

  public void finish(long executionId) {
    running.remove(executionId);
  }

  public Optional<Counts> of(long executionId) {
    return Optional.ofNullable(running.get(executionId));
  }
}
