package dev.froster.application.internal;

import dev.froster.application.DatabaseStatus;
import dev.froster.application.PlatformStatusService;
import dev.froster.infrastructure.persistence.DatabaseSchema;
import dev.froster.infrastructure.vector.PgVectorExtension;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultPlatformStatusService implements PlatformStatusService {

  @EJB private DatabaseSchema schema;
  @Inject private PgVectorExtension pgvector;

  @Override
  public DatabaseStatus database() {
    DatabaseSchema.State state = schema.state();
    if (!state.ready()) {
      return DatabaseStatus.notReady(state.reason());
    }
    // Migrated once does not mean reachable now: ask the server again.
    try {
      return DatabaseStatus.ready(state.schemaVersion(), pgvector.installedVersion());
    } catch (RuntimeException unreachable) {
      return DatabaseStatus.notReady(DatabaseSchema.describe(unreachable));
    }
  }
}
