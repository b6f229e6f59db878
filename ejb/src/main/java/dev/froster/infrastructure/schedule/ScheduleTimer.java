package dev.froster.infrastructure.schedule;

import dev.froster.application.TrainingSchedules;
import dev.froster.infrastructure.persistence.DatabaseSchema;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute (at second 5) fires the schedules that are due. Cron expressions fire at whole
 * seconds; this tick gives minute resolution, which is what retraining needs. The schedules and
 * their next fire times live in the database ({@code training_schedule}), so they persist across
 * restarts: after a restart the first tick fires what became due while no server ran (once), and
 * each schedule's next fire time is computed again from then. Several servers may tick: a schedule
 * is claimed with a row lock that the others skip.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScheduleTimer {

  private static final Logger LOG = Logger.getLogger(ScheduleTimer.class.getName());

  @EJB private TrainingSchedules schedules;
  @EJB private DatabaseSchema schema;

  @Schedule(second = "5", minute = "*", hour = "*", persistent = false, info = "froster schedules")
  void fireDue() {
    if (!schema.state().ready()) {
      // Waiting for the database (its state says why): calling in would make the container and
      // Hibernate log a stack of errors every minute; the first tick after it is back catches up.
      return;
    }
    try {
      int fired = schedules.fireDue();
      if (fired > 0) {
        LOG.info("Fired " + fired + " retraining schedule(s)");
      }
    } catch (RuntimeException failed) {
      // The database may be unreachable (the application waits for it): the next tick retries.
      LOG.log(Level.FINE, "Retraining schedules not checked: " + failed.getMessage(), failed);
    }
  }
}
