package dev.froster.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EngineLoadsTest {
  @Test
  void pytorchEngineLoadsOfflineAndComputes() {
    assertEquals("PyTorch", Engine.getInstance().getEngineName());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.create(new float[] {1f, 2f, 3f});
      assertEquals(14f, a.mul(a).sum().getFloat(), 1e-6);
    }
  }
}
