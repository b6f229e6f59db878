package dev.froster.infrastructure.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.db.SchemaMigrations;
import dev.froster.db.TemporaryDatabase;
import dev.froster.domain.model.model.ModelVersionId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index statement against real PostgreSQL + pgvector: the build settings reach the index. */
class HnswIndexesTest {

  @Test
  void theDefaultStatementBuildsWithPgvectorsDefaults() throws Exception {
    assertEquals(
        List.of("m=16", "ef_construction=64"),
        optionsOfIndexBuiltBy(version -> HnswIndexes.createStatementFor(version, 8)));
  }

  @Test
  void explicitSettingsReachTheIndex() throws Exception {
    assertEquals(
        List.of("m=24", "ef_construction=100"),
        optionsOfIndexBuiltBy(
            version -> HnswIndexes.createStatementFor(version, 8, new HnswBuildSettings(24, 100))));
  }

  @Test
  void settingsOutsidePgvectorsRangeAreRefusedNamingThem() {
    IllegalArgumentException tooSmall =
        assertThrows(IllegalArgumentException.class, () -> new HnswBuildSettings(1, 64));
    assertTrue(tooSmall.getMessage().contains("m=1"), tooSmall.getMessage());
    IllegalArgumentException narrow =
        assertThrows(IllegalArgumentException.class, () -> new HnswBuildSettings(32, 40));
    assertTrue(narrow.getMessage().contains("ef_construction=40"), narrow.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new HnswBuildSettings(16, 1001));
  }

  private interface Statements {
    String create(ModelVersionId version);
  }

  private static List<String> optionsOfIndexBuiltBy(Statements statements) throws Exception {
    try (TemporaryDatabase database = TemporaryDatabase.create()) {
      SchemaMigrations.migrate(database.dataSource());
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        long id;
        try (ResultSet row =
            statement.executeQuery(
                "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status,"
                    + " activated_at) values ('v', '/v', repeat('0', 64), 8, 'active', now())"
                    + " returning id")) {
          row.next();
          id = row.getLong(1);
        }
        ModelVersionId version = new ModelVersionId(id);
        statement.execute(statements.create(version));
        try (ResultSet row =
            statement.executeQuery(
                "select array_to_string(reloptions, ',') from pg_class where relname = '"
                    + HnswIndexes.nameFor(version)
                    + "'")) {
          assertTrue(row.next(), "index " + HnswIndexes.nameFor(version) + " exists");
          return List.of(row.getString(1).split(","));
        }
      }
    }
  }
}
