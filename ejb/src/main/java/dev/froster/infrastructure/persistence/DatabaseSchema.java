package dev.froster.infrastructure.persistence;

import dev.froster.db.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema up to date when the application starts (Flyway), then checks that the
 * entity mapping matches it (Hibernate's schema validator, never {@code update}).
 *
 * <p>An unreachable database must not fail the deployment: the failure becomes one log line and the
 * readiness reason, and a timer tries again every {@code froster.db.retry-seconds} seconds.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseSchema {

  private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());
  private static final int MAX_REASON_LENGTH = 400;

  /** The outcome of the last attempt. */
  public record State(boolean ready, String schemaVersion, String reason) {}

  @Resource(lookup = "jdbc/froster")
  private DataSource dataSource;

  @PersistenceUnit(unitName = "froster")
  private EntityManagerFactory entityManagerFactory;

  @Resource private TimerService timerService;

  @Inject
  @ConfigProperty(name = "froster.db.retry-seconds", defaultValue = "10")
  private long retrySeconds;

  private volatile State state = new State(false, null, "the schema has not been checked yet");

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    prepare();
  }

  @Timeout
  void retry() {
    prepare();
  }

  public State state() {
    return state;
  }

  private void prepare() {
    try {
      String version = SchemaMigrations.migrate(dataSource);
      entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
      state = new State(true, version, null);
      LOG.info("Database schema at version " + version + ", entity mapping validated");
    } catch (RuntimeException failure) {
      String reason = describe(failure);
      if (!reason.equals(state.reason())) {
        LOG.warning("Database not ready, retrying every " + retrySeconds + " s: " + reason);
      }
      state = new State(false, null, reason);
      timerService.createSingleActionTimer(
          TimeUnit.SECONDS.toMillis(retrySeconds), new TimerConfig(null, false));
    }
  }

  /**
   * One line naming the cause: the innermost SQL error if there is one (it names host and port,
   * e.g. "Connection to localhost:1 refused. ..."), else the innermost cause.
   */
  public static String describe(Throwable failure) {
    Throwable cause = failure;
    Throwable innermostSql = null;
    while (true) {
      if (cause instanceof SQLException) {
        innermostSql = cause;
      }
      if (cause.getCause() == null || cause.getCause() == cause) {
        break;
      }
      cause = cause.getCause();
    }
    Throwable reported = innermostSql != null ? innermostSql : cause;
    String message =
        reported.getMessage() == null ? reported.getClass().getName() : reported.getMessage();
    message = message.replaceAll("\\s+", " ").trim();
    return message.length() <= MAX_REASON_LENGTH
        ? message
        : message.substring(0, MAX_REASON_LENGTH) + "...";
  }
}
