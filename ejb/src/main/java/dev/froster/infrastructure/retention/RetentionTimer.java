package dev.froster.infrastructure.retention;

import dev.froster.application.EmbeddingRetention;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.infrastructure.persistence.DatabaseSchema;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a day (03:30 server time) purges what {@link EmbeddingRetention} says is due. A missed day
 * (server down) is caught up the next day: the choice depends only on how long ago a version was
 * retired. Not persistent: every server runs it, and a purge that another server did first is
 * skipped.
 */
@Singleton
public class RetentionTimer {

  private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

  @EJB private EmbeddingRetention retention;
  @EJB private DatabaseSchema schema;

  @Schedule(hour = "3", minute = "30", persistent = false, info = "froster retention")
  void purgeDue() {
    if (!schema.state().ready()) {
      return; // waiting for the database: tomorrow's run catches up, without a stack of errors
    }
    try {
      List<ModelVersionId> purged = retention.purgeDue();
      if (!purged.isEmpty()) {
        LOG.info("Retention purged the embeddings of " + purged);
      }
    } catch (RuntimeException failed) {
      // The database may be unreachable: tomorrow's run catches up.
      LOG.log(Level.WARNING, "Retention did not run: " + failed.getMessage(), failed);
    }
  }
}
