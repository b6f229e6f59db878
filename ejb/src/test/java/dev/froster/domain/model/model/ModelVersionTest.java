package dev.froster.domain.model.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelVersionTest {

  private static final String SHA = "0".repeat(64);

  @Test
  void aRegisteredBundleIsACandidateUntilActivated() {
    ModelVersion version = ModelVersion.candidate("demo", "/models/demo", SHA, 512);
    assertEquals(ModelVersionStatus.CANDIDATE, version.status());

    Instant now = Instant.parse("2026-01-02T03:04:05Z");
    version.activate(now);

    assertEquals(ModelVersionStatus.ACTIVE, version.status());
    assertEquals(now, version.activatedAt());
  }

  @Test
  void activatingTheActiveVersionAgainKeepsItsActivationTime() {
    ModelVersion version = ModelVersion.candidate("demo", "/models/demo", SHA, 512);
    Instant first = Instant.parse("2026-01-02T03:04:05Z");
    version.activate(first);
    version.activate(first.plusSeconds(60));
    assertEquals(first, version.activatedAt());
  }

  @Test
  void aVersionInTrainingOrRetiredCannotBeActivated() {
    ModelVersion training = new ModelVersion("training", "/models/t", SHA, 512);
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> training.activate(Instant.now()));
    assertTrue(refused.getMessage().contains("training"), refused.getMessage());

    ModelVersion retired = ModelVersion.candidate("old", "/models/old", SHA, 512);
    retired.activate(Instant.now());
    retired.retire(Instant.now());
    assertEquals(ModelVersionStatus.RETIRED, retired.status());
    assertThrows(IllegalStateException.class, () -> retired.activate(Instant.now()));
  }
}
