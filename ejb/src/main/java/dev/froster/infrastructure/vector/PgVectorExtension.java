package dev.froster.infrastructure.vector;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Asks the database which pgvector version is installed. */
@ApplicationScoped
public class PgVectorExtension {

  @Resource(lookup = "jdbc/froster")
  private DataSource dataSource;

  /**
   * @return the installed version, e.g. {@code "0.8.0"}
   * @throws IllegalStateException when the database is unreachable or the extension is missing
   */
  public String installedVersion() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select extversion from pg_extension where extname = 'vector'")) {
      if (!row.next()) {
        throw new IllegalStateException("the pgvector extension 'vector' is not installed");
      }
      return row.getString(1);
    } catch (SQLException failure) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
  }
}
