package dev.froster.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A small tagged world written straight into the server's database, as the auto-tag job would have
 * left it: two assets with segments, a model version, two vocabularies with terms, and tags made by
 * the test. Removed (with every tag and decision about it) on close.
 */
final class ReviewFixture implements AutoCloseable {

  final String unique = UUID.randomUUID().toString().replace("-", "");

  /**
   * The version the fixture's automatic tags are made by: the active one, as the queue then shows
   * only its suggestions; else the fixture's own candidate.
   */
  final long modelVersion;

  /** The version row the fixture wrote, removed on close; null when another one was active. */
  private final Long ownVersion;

  final long actions;
  final long places;
  final long running;
  final long jumping;
  final long waving;
  final long beach;
  final long asset;
  final long otherAsset;

  /** Segments of {@link #asset}: 0-2000 (with a keyframe), 1000-3000, 2000-4000, 10000-12000. */
  final long[] segments = new long[4];

  /** The one segment of {@link #otherAsset}: 0-5000. */
  final long otherSegment;

  ReviewFixture() throws SQLException {
    try (Connection connection = TestDatabase.connect()) {
      Long active = activeVersion(connection);
      ownVersion =
          active != null
              ? null
              : single(
                  connection,
                  "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status)"
                      + " values (?, '/it/model', repeat('0', 64), 4, 'candidate') returning id",
                  "review-it-" + unique);
      modelVersion = active != null ? active : ownVersion;
      actions = vocabulary(connection, "actions-" + unique);
      places = vocabulary(connection, "places-" + unique);
      running = term(connection, actions, "running");
      jumping = term(connection, actions, "jumping");
      waving = term(connection, actions, "waving");
      beach = term(connection, places, "beach");
      asset = asset(connection, "Review clip " + unique, 'a');
      otherAsset = asset(connection, "Other clip " + unique, 'b');
      long[][] ranges = {{0, 2000}, {1000, 3000}, {2000, 4000}, {10_000, 12_000}};
      for (int i = 0; i < ranges.length; i++) {
        segments[i] = segment(connection, asset, ranges[i][0], ranges[i][1], i == 0);
      }
      otherSegment = segment(connection, otherAsset, 0, 5000, false);
    }
  }

  /**
   * An automatic tag on a segment, created {@code minutesAgo} minutes ago; {@code alternatives} is
   * the JSON array of runner-up terms.
   */
  long autoTag(
      long segment,
      long term,
      String status,
      double confidence,
      int minutesAgo,
      String alternatives)
      throws SQLException {
    try (Connection connection = TestDatabase.connect()) {
      return single(
          connection,
          "insert into tag (segment_id, term_id, model_version_id, confidence, source, status,"
              + " alternatives, created_at)"
              + " values (?, ?, ?, ?, 'auto', ?, cast(? as jsonb),"
              + " now() - ? * interval '1 minute') returning id",
          segment,
          term,
          modelVersion,
          (float) confidence,
          status,
          alternatives,
          minutesAgo);
    }
  }

  /** A manual tag on the whole asset, without confidence or time range. */
  long assetTag(long onAsset, long term, String status) throws SQLException {
    try (Connection connection = TestDatabase.connect()) {
      return single(
          connection,
          "insert into tag (asset_id, term_id, source, status) values (?, ?, 'manual', ?)"
              + " returning id",
          onAsset,
          term,
          status);
    }
  }

  static String status(long tag) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement("select status || ':' || term_id from tag where id = ?")) {
      statement.setLong(1, tag);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /**
   * The tag's review decisions as {@code reviewer:decision:before:after} (term ids, {@code none}
   * where a decision names no term), oldest first.
   */
  static String decisions(long tag) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select coalesce(string_agg(reviewer || ':' || decision || ':'"
                    + " || coalesce(term_before_id::text, 'none') || ':'"
                    + " || coalesce(term_after_id::text, 'none'), ',' order by id), '')"
                    + " from review_decision where tag_id = ?")) {
      statement.setLong(1, tag);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  static long auditEntries(long tag) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) from audit_entry where entity_type = 'tag' and entity_id = ?")) {
      statement.setString(1, Long.toString(tag));
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection connection = TestDatabase.connect()) {
      // Assets first: their tags and the decisions about them go with them (cascades), then the
      // terms those decisions named can go.
      update(connection, "delete from tag where asset_id in (?, ?)", asset, otherAsset);
      update(connection, "delete from media_asset where id in (?, ?)", asset, otherAsset);
      update(connection, "delete from vocabulary where id in (?, ?)", actions, places);
      if (ownVersion != null) {
        update(connection, "delete from model_version where id = ?", ownVersion);
      }
    }
  }

  private long vocabulary(Connection connection, String name) throws SQLException {
    return single(
        connection,
        "insert into vocabulary (name, accept_threshold, review_threshold, active)"
            + " values (?, 0.8, 0.3, false) returning id",
        name);
  }

  private static long term(Connection connection, long vocabulary, String label)
      throws SQLException {
    return single(
        connection,
        "insert into term (vocabulary_id, label) values (?, ?) returning id",
        vocabulary,
        label);
  }

  private long asset(Connection connection, String title, char hash) throws SQLException {
    // Already embedded: an asset at an earlier status would be picked up by the pipeline's jobs.
    return single(
        connection,
        "insert into media_asset (source_uri, sha256, title, status)"
            + " values (?, ?, ?, 'embedded') returning id",
        "file:/it/review/" + unique + hash + ".mp4",
        (unique + unique).substring(0, 63) + hash,
        title);
  }

  private static long segment(
      Connection connection, long asset, long start, long end, boolean keyframe)
      throws SQLException {
    if (!keyframe) {
      return single(
          connection,
          "insert into segment (asset_id, start_ms, end_ms) values (?, ?, ?) returning id",
          asset,
          start,
          end);
    }
    return single(
        connection,
        "insert into segment (asset_id, start_ms, end_ms, keyframe_jpeg) values (?, ?, ?, ?)"
            + " returning id",
        asset,
        start,
        end,
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
  }

  private static Long activeVersion(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("select id from model_version where status = 'active'");
        ResultSet row = statement.executeQuery()) {
      return row.next() ? row.getLong(1) : null;
    }
  }

  private static long single(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
