package dev.froster.infrastructure.health;

import ai.djl.engine.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP when DJL loads the PyTorch engine offline (libtorch from the bundled jar). The first call
 * unpacks libtorch into the DJL cache (a few seconds); later calls return the loaded engine.
 */
@Readiness
@ApplicationScoped
public class PyTorchEngineCheck implements HealthCheck {

  static final String ENGINE = "PyTorch";

  @Override
  public HealthCheckResponse call() {
    try {
      Engine engine = Engine.getEngine(ENGINE);
      return HealthCheckResponse.named("pytorch-engine")
          .up()
          .withData("engine", engine.getEngineName())
          .withData("version", engine.getVersion())
          .build();
    } catch (RuntimeException | LinkageError failure) {
      return HealthCheckResponse.named("pytorch-engine")
          .down()
          .withData("reason", String.valueOf(failure.getMessage()))
          .build();
    }
  }
}
