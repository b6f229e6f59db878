package dev.froster.infrastructure.demo;

import static dev.froster.infrastructure.demo.DemoSetup.ModelStep.ACTIVATE;
import static dev.froster.infrastructure.demo.DemoSetup.ModelStep.NONE;
import static dev.froster.infrastructure.demo.DemoSetup.ModelStep.PROMOTE;
import static dev.froster.infrastructure.demo.DemoSetup.nextStep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoSetupTest {

  private static final String BUNDLE = "demo-0123456789ab";

  @Test
  void aDatabaseWithoutAnActiveVersionGetsTheDemoModel() {
    assertEquals(ACTIVATE, nextStep(BUNDLE, Optional.empty(), false));
    // Registered by a start whose activation failed: activated now.
    assertEquals(ACTIVATE, nextStep(BUNDLE, Optional.empty(), true));
  }

  @Test
  void theActiveDemoModelStays() {
    assertEquals(NONE, nextStep(BUNDLE, Optional.of(BUNDLE), true));
  }

  @Test
  void aNewDemoModelIsPromotedOverAnEarlierOne() {
    assertEquals(PROMOTE, nextStep(BUNDLE, Optional.of("demo"), false));
    assertEquals(PROMOTE, nextStep(BUNDLE, Optional.of("demo-ffffffffffff"), false));
  }

  @Test
  void aDemoModelSeenBeforeIsLeftToTheAdmin() {
    // E.g. promoted once and rolled back by an admin: not promoted again at every start.
    assertEquals(NONE, nextStep(BUNDLE, Optional.of("demo"), true));
  }

  @Test
  void anAdminsOwnModelIsNeverReplaced() {
    assertEquals(NONE, nextStep(BUNDLE, Optional.of("broadcast-2026"), false));
    assertEquals(NONE, nextStep(BUNDLE, Optional.of("demo-retrained"), false));
    assertEquals(NONE, nextStep(BUNDLE, Optional.of("demo-0123456789AB"), false));
  }
}
