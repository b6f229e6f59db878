package dev.froster.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows the REST API does not create yet (an asset, its segments, a model version), written straight
 * into the server's database and removed afterwards.
 */
final class CatalogueFixture implements AutoCloseable {

  final long assetId;
  final long modelVersionId;
  final List<Long> segmentIds = new ArrayList<>();

  CatalogueFixture(int segments, int dimensions) throws SQLException {
    String unique = UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = TestDatabase.connect()) {
      // Already segmented: a registered asset would be picked up by the pipeline's ingest job.
      assetId =
          insert(
              connection,
              "insert into media_asset (source_uri, sha256, title, status)"
                  + " values (?, ?, 'it', 'segmented') returning id",
              "file:/it/" + unique + ".mp4",
              (unique + unique).substring(0, 64));
      for (int i = 0; i < segments; i++) {
        try (PreparedStatement statement =
            connection.prepareStatement(
                "insert into segment (asset_id, start_ms, end_ms) values (?, ?, ?) returning id")) {
          statement.setLong(1, assetId);
          statement.setLong(2, i * 2000L);
          statement.setLong(3, i * 2000L + 2000);
          segmentIds.add(single(statement));
        }
      }
      try (PreparedStatement statement =
          connection.prepareStatement(
              "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status)"
                  + " values (?, '/it/model', repeat('0', 64), ?, 'candidate') returning id")) {
        statement.setString(1, "it-" + unique);
        statement.setInt(2, dimensions);
        modelVersionId = single(statement);
      }
    }
  }

  long embeddingsOf(long segmentId) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) from segment_embedding where segment_id = ?")) {
      statement.setLong(1, segmentId);
      return single(statement);
    }
  }

  static String pgvectorVersion() throws SQLException {
    try (Connection connection = TestDatabase.connect();
        ResultSet row =
            connection
                .createStatement()
                .executeQuery("select extversion from pg_extension where extname = 'vector'")) {
      row.next();
      return row.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement asset =
            connection.prepareStatement("delete from media_asset where id = ?");
        PreparedStatement model =
            connection.prepareStatement("delete from model_version where id = ?")) {
      asset.setLong(1, assetId);
      asset.executeUpdate();
      model.setLong(1, modelVersionId);
      model.executeUpdate();
    }
  }

  private static long insert(Connection connection, String sql, String first, String second)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, first);
      statement.setString(2, second);
      return single(statement);
    }
  }

  private static long single(PreparedStatement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
