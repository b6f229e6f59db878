package dev.froster.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database the test server uses, from the launcher's FROSTER_DB_* variables, for fixtures that
 * write rows directly and for checks the REST API does not show.
 */
final class TestDatabase {
  private TestDatabase() {}

  static Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://"
            + env("FROSTER_DB_HOST", "localhost")
            + ":"
            + env("FROSTER_DB_PORT", "55432")
            + "/"
            + env("FROSTER_DB_NAME", "froster");
    return DriverManager.getConnection(
        url, env("FROSTER_DB_USER", "froster"), System.getenv("FROSTER_DB_PASSWORD"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
