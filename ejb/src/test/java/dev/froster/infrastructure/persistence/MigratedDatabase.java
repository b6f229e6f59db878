package dev.froster.infrastructure.persistence;

import dev.froster.db.SchemaMigrations;
import dev.froster.db.TemporaryDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A temporary PostgreSQL database migrated to the current schema, with the application's
 * persistence unit over it (outside the server), for tests of the SQL the beans run. Register it as
 * a static {@code @RegisterExtension} field: it is created before the class's tests and dropped
 * after them.
 */
public final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

  private TemporaryDatabase database;
  private EntityManagerFactory factory;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    database = TemporaryDatabase.create();
    SchemaMigrations.migrate(database.dataSource());
    factory = OutsideTheServer.entityManagerFactory(database.dataSource());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (factory != null) {
      factory.close();
    }
    if (database != null) {
      database.close();
    }
  }

  /** A new entity manager with resource-local transactions; the caller closes it. */
  public EntityManager entityManager() {
    return factory.createEntityManager();
  }

  /**
   * The bean with {@code em} in its {@code entityManager} field, as the server's persistence
   * context injection would set it.
   */
  public static <T> T inject(T bean, EntityManager em) throws ReflectiveOperationException {
    Field field = bean.getClass().getDeclaredField("entityManager");
    field.setAccessible(true);
    field.set(bean, em);
    return bean;
  }
}
