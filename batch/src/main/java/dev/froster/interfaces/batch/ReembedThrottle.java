package dev.froster.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Pauses a {@code reembed} partition after each chunk for {@code froster.reembed.pause-after-chunk}
 * (ISO-8601, default {@code PT0S}): re-embedding a large catalogue runs beside live search, and a
 * pause leaves the CPU to the queries. Tests also use it to watch search during a re-embedding.
 */
@Named("reembedThrottle")
@Dependent
public class ReembedThrottle extends AbstractChunkListener {

  @Inject
  @BatchProperty(name = "pauseAfterChunk")
  private String pauseAfterChunk;

  @Override
  public void afterChunk() throws InterruptedException {
    Duration pause = pause(pauseAfterChunk);
    if (!pause.isZero()) {
      Thread.sleep(pause.toMillis());
    }
  }

  /** The pause a job parameter asks for; blank means none. */
  static Duration pause(String text) {
    if (text == null || text.isBlank()) {
      return Duration.ZERO;
    }
    try {
      Duration pause = Duration.parse(text.strip());
      if (pause.isNegative()) {
        throw new IllegalArgumentException("pauseAfterChunk must not be negative, was " + text);
      }
      return pause;
    } catch (DateTimeParseException notIso) {
      throw new IllegalArgumentException(
          "pauseAfterChunk: '" + text + "' is not an ISO-8601 duration (e.g. PT2S)");
    }
  }
}
