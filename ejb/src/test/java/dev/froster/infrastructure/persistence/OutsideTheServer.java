package dev.froster.infrastructure.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The application's persistence unit run outside Liberty, for tests against a real database:
 * resource-local transactions over {@code dataSource} (an object, where the server names a JNDI
 * data source that only exists inside Liberty), no JTA platform.
 */
public final class OutsideTheServer {

  private OutsideTheServer() {}

  /** The "froster" unit over {@code dataSource}. */
  public static EntityManagerFactory entityManagerFactory(DataSource dataSource) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.jtaDataSource", dataSource);
    settings.put("jakarta.persistence.nonJtaDataSource", dataSource);
    settings.put(
        "hibernate.transaction.jta.platform",
        "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
    return Persistence.createEntityManagerFactory("froster", settings);
  }
}
