package dev.froster.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Froster migrations to a database; the same settings everywhere they are applied. */
public final class SchemaMigrations {

  /**
   * Where the SQL migrations live on the class path (inside this module's jar). The empty {@code
   * flyway.location} file in it (and in Flyway's default {@code db/callback}, empty so far) lets
   * Flyway find the folder inside Liberty's class loaders.
   */
  public static final String LOCATION = "classpath:db/migration";

  private SchemaMigrations() {}

  /**
   * Brings the database to the latest schema version.
   *
   * @return the schema version after migrating, e.g. {@code "1"}
   */
  public static String migrate(DataSource dataSource) {
    MigrateResult result = configure(dataSource).migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }

  private static Flyway configure(DataSource dataSource) {
    // The class loader that holds the migrations: inside Liberty the thread's context loader may be
    // a web module's, which does not see EAR/lib resources the same way.
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .schemas("public")
        .failOnMissingLocations(true)
        .load();
  }
}
