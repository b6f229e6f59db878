package dev.froster.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  private static TemporaryDatabase database;

  @BeforeAll
  static void migrateEmptyDatabase() throws SQLException {
    database = TemporaryDatabase.create();
    assertEquals("6", SchemaMigrations.migrate(database.dataSource()));
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void createsEveryTableOfTheDomain() throws SQLException {
    Set<String> tables = new HashSet<>();
    try (Connection connection = database.dataSource().getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    assertTrue(
        tables.containsAll(
            Set.of(
                "media_asset",
                "segment",
                "model_version",
                "segment_embedding",
                "vocabulary",
                "term",
                "term_embedding",
                "tag",
                "review_decision",
                "training_run",
                "audit_entry",
                "segment_tagging")),
        "tables: " + tables);
  }

  @Test
  void migratingTwiceChangesNothing() {
    assertEquals("6", SchemaMigrations.migrate(database.dataSource()));
  }

  @Test
  void allowsOnlyOneActiveModelVersion() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(modelVersion("active-one", 4, "active"));
      SQLException second =
          assertThrows(
              SQLException.class, () -> statement.execute(modelVersion("active-two", 4, "active")));
      assertEquals("23505", second.getSQLState(), second.getMessage());
    }
  }

  @Test
  void refusesAnEmbeddingOfTheWrongDimension() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(modelVersion("three-dims", 3, "candidate"));
      statement.execute(
          "insert into media_asset (source_uri, sha256) values ('file:/a.mp4', repeat('a', 64))");
      statement.execute(
          "insert into segment (asset_id, start_ms, end_ms)"
              + " select id, 0, 1000 from media_asset where sha256 = repeat('a', 64)");
      String insert =
          "insert into segment_embedding (segment_id, model_version_id, embedding)"
              + " select s.id, m.id, '%s' from segment s, model_version m"
              + " where m.name = 'three-dims'";
      SQLException wrong =
          assertThrows(SQLException.class, () -> statement.execute(insert.formatted("[1,2]")));
      assertTrue(wrong.getMessage().contains("expects 3"), wrong.getMessage());
      statement.execute(insert.formatted("[1,2,3]"));
      try (ResultSet count = statement.executeQuery("select count(*) from segment_embedding")) {
        count.next();
        assertEquals(1, count.getInt(1));
      }
    }
  }

  @Test
  void refusesVocabularyThresholdsInTheWrongOrder() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      SQLException wrong =
          assertThrows(
              SQLException.class,
              () ->
                  statement.execute(
                      "insert into vocabulary (name, accept_threshold, review_threshold)"
                          + " values ('sports', 0.3, 0.6)"));
      assertEquals("23514", wrong.getSQLState(), wrong.getMessage());
    }
  }

  @Test
  void refusesASegmentThatEndsBeforeItStarts() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "insert into media_asset (source_uri, sha256) values ('file:/b.mp4', repeat('b', 64))");
      SQLException wrong =
          assertThrows(
              SQLException.class,
              () ->
                  statement.execute(
                      "insert into segment (asset_id, start_ms, end_ms)"
                          + " select id, 5000, 4000 from media_asset where sha256 = repeat('b', 64)"));
      assertEquals("23514", wrong.getSQLState(), wrong.getMessage());
    }
  }

  @Test
  void aRelabelDecisionOutlivesTheTermItReplaced() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(modelVersion("relabel-model", 3, "candidate"));
      statement.execute(
          "insert into media_asset (source_uri, sha256) values ('file:/c.mp4', repeat('c', 64))");
      statement.execute(
          "insert into segment (asset_id, start_ms, end_ms)"
              + " select id, 0, 2000 from media_asset where sha256 = repeat('c', 64)");
      statement.execute(
          "insert into vocabulary (name, accept_threshold, review_threshold)"
              + " values ('relabel-vocabulary', 0.6, 0.3)");
      statement.execute(
          "insert into term (vocabulary_id, label) select id, unnest(array['run', 'jump'])"
              + " from vocabulary where name = 'relabel-vocabulary'");
      // the model suggested "run"; the reviewer relabelled the tag to "jump"
      statement.execute(
          "insert into tag (segment_id, term_id, model_version_id, confidence, source, status,"
              + " start_ms, end_ms) select s.id, t.id, m.id, 0.5, 'auto', 'accepted', 0, 2000"
              + " from segment s join media_asset a on a.id = s.asset_id, term t, model_version m"
              + " where a.sha256 = repeat('c', 64) and t.label = 'jump'"
              + " and m.name = 'relabel-model'");
      statement.execute(
          "insert into review_decision (tag_id, reviewer, decision, term_before_id, term_after_id)"
              + " select g.id, 'tagger', 'relabel', run.id, g.term_id from tag g, term run"
              + " where g.confidence = 0.5 and run.label = 'run'");

      statement.execute("delete from term where label = 'run'");

      try (ResultSet decision =
          statement.executeQuery(
              "select d.term_before_id, t.label from review_decision d"
                  + " join term t on t.id = d.term_after_id where d.decision = 'relabel'")) {
        assertTrue(decision.next(), "the decision is kept");
        assertEquals(0, decision.getLong(1));
        assertTrue(decision.wasNull(), "the deleted term is no longer named");
        assertEquals("jump", decision.getString(2));
      }
      // the term the relabel chose goes with the tag and its decision
      statement.execute("delete from term where label = 'jump'");
      try (ResultSet left =
          statement.executeQuery(
              "select count(*) from review_decision where decision = 'relabel'")) {
        left.next();
        assertEquals(0, left.getInt(1));
      }
    }
  }

  private static String modelVersion(String name, int dimensions, String status) {
    return "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status,"
        + " activated_at) values ('"
        + name
        + "', '/models/"
        + name
        + "', repeat('0', 64), "
        + dimensions
        + ", '"
        + status
        + "', now())";
  }
}
