package dev.froster.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty PostgreSQL database for one test class, dropped on {@link #close()}.
 *
 * <p>Connects with the launcher's variables ({@code FROSTER_DB_HOST}, {@code FROSTER_DB_PORT},
 * {@code FROSTER_DB_NAME}, {@code FROSTER_DB_USER}, {@code FROSTER_DB_PASSWORD}); the role needs
 * CREATEDB. New databases are copies of {@code template1}, where the launcher created {@code
 * vector}.
 */
public final class TemporaryDatabase implements AutoCloseable {

  private final String host;
  private final String port;
  private final String user;
  private final String password;
  private final String maintenanceDatabase;
  private final String name;

  private TemporaryDatabase() {
    host = env("FROSTER_DB_HOST", "localhost");
    port = env("FROSTER_DB_PORT", "55432");
    user = env("FROSTER_DB_USER", "froster");
    maintenanceDatabase = env("FROSTER_DB_NAME", "froster");
    password = System.getenv("FROSTER_DB_PASSWORD");
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException(
          "FROSTER_DB_PASSWORD is not set: run the tests through ./froster test"
              + " (or source var/secrets/env.sh)");
    }
    name = "froster_tmp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Creates the database; the caller closes it to drop it. */
  public static TemporaryDatabase create() throws SQLException {
    TemporaryDatabase database = new TemporaryDatabase();
    database.execute("create database " + database.name);
    return database;
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return jdbcUrl(name);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  @Override
  public void close() throws SQLException {
    execute("drop database if exists " + name + " with (force)");
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl(maintenanceDatabase), user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private String jdbcUrl(String database) {
    return String.format(Locale.ROOT, "jdbc:postgresql://%s:%s/%s", host, port, database);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
