package dev.froster.infrastructure.health;

import dev.froster.application.DatabaseStatus;
import dev.froster.application.PlatformStatusService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** UP with the schema and pgvector versions, or DOWN with the reason. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @EJB private PlatformStatusService platform;

  @Override
  public HealthCheckResponse call() {
    DatabaseStatus status = platform.database();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    if (status.ready()) {
      return response
          .up()
          .withData("schemaVersion", status.schemaVersion())
          .withData("pgvector", status.pgvectorVersion())
          .build();
    }
    return response.down().withData("reason", status.reason()).build();
  }
}
