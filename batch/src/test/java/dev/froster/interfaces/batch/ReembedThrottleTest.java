package dev.froster.interfaces.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReembedThrottleTest {

  @Test
  void aBlankPauseIsNone() {
    assertEquals(Duration.ZERO, ReembedThrottle.pause(null));
    assertEquals(Duration.ZERO, ReembedThrottle.pause(" "));
  }

  @Test
  void anIsoDurationIsThePause() {
    assertEquals(Duration.ofMillis(1500), ReembedThrottle.pause("PT1.5S"));
  }

  @Test
  void aNegativeOrUnreadablePauseNamesTheParameter() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ReembedThrottle.pause("PT-1S"))
            .getMessage()
            .startsWith("pauseAfterChunk"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ReembedThrottle.pause("2 seconds"))
            .getMessage()
            .startsWith("pauseAfterChunk"));
  }
}
