package dev.froster.infrastructure.search;

import dev.froster.db.SchemaMigrations;
import dev.froster.db.TemporaryDatabase;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.infrastructure.vector.HnswIndexes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A migrated temporary database holding a catalogue of random unit embeddings, generated inside
 * PostgreSQL (fast even for hundreds of thousands of rows): {@code assets} assets of {@code
 * segmentsPerAsset} segments, every 100th asset in collection {@code rare}, the others in {@code
 * common}; asset i lasts {@code 10000 + i} ms; one active model version with its HNSW index.
 */
final class RandomCatalogue implements AutoCloseable {

  final TemporaryDatabase database;
  final long modelVersion;
  final int dimension;
  final long indexBuildMillis;
  final int clusters;

  RandomCatalogue(int assets, int segmentsPerAsset, int dimension) throws SQLException {
    this(assets, segmentsPerAsset, dimension, 0);
  }

  /**
   * @param clusters 0: uniform random directions; more: each embedding is one of {@code clusters}
   *     random centres plus noise as large as the centre (same-cluster cosine about 0.5), closer to
   *     real embeddings, where similar moments lie near each other
   */
  RandomCatalogue(int assets, int segmentsPerAsset, int dimension, int clusters)
      throws SQLException {
    this.dimension = dimension;
    this.clusters = clusters;
    database = TemporaryDatabase.create();
    SchemaMigrations.migrate(database.dataSource());
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("select setseed(0.42)");
      statement.execute(
          "insert into media_asset (source_uri, sha256, title, collection, status, probe)"
              + " select 'file:/random/' || i || '.mp4', lpad(to_hex(i), 64, '0'), 'asset ' || i,"
              + " case when i % 100 = 0 then 'rare' else 'common' end, 'embedded',"
              + " jsonb_build_object('durationMs', 10000 + i)"
              + " from generate_series(1, "
              + assets
              + ") i");
      statement.execute(
          "insert into segment (asset_id, start_ms, end_ms)"
              + " select a.id, k * 1000, k * 1000 + 2000 from media_asset a,"
              + " generate_series(0, "
              + (segmentsPerAsset - 1)
              + ") k");
      try (ResultSet row =
          statement.executeQuery(
              "insert into model_version"
                  + " (name, bundle_path, bundle_sha256, embed_dim, status, activated_at)"
                  + " values ('random', '/random', repeat('0', 64), "
                  + dimension
                  + ", 'active', now()) returning id")) {
        row.next();
        modelVersion = row.getLong(1);
      }
      if (clusters == 0) {
        statement.execute(
            "insert into segment_embedding (segment_id, model_version_id, embedding)"
                + " select s.id, "
                + modelVersion
                + ", l2_normalize(array(select random() - 0.5 + 0 * s.id"
                + " from generate_series(1, "
                + dimension
                + "))::vector) from segment s");
      } else {
        statement.execute(
            "create table random_centre as select c, array(select random() - 0.5 + 0 * c"
                + " from generate_series(1, "
                + dimension
                + ")) v from generate_series(0, "
                + (clusters - 1)
                + ") c");
        statement.execute(
            "insert into segment_embedding (segment_id, model_version_id, embedding)"
                + " select s.id, "
                + modelVersion
                + ", l2_normalize(array(select r.v[i] + random() - 0.5 + 0 * s.id"
                + " from generate_series(1, "
                + dimension
                + ") i)::vector) from segment s join random_centre r on r.c = s.id % "
                + clusters);
      }
      statement.execute("set maintenance_work_mem = '1GB'");
      long start = System.nanoTime();
      statement.execute(
          HnswIndexes.createStatementFor(new ModelVersionId(modelVersion), dimension));
      indexBuildMillis = (System.nanoTime() - start) / 1_000_000;
      statement.execute("analyze");
    }
  }

  /** A connection in a transaction (auto-commit off), as searches run inside the server. */
  Connection connect() throws SQLException {
    Connection connection = database.dataSource().getConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  /**
   * Query vectors drawn like the catalogue's: uniform directions, or a random centre plus noise.
   */
  List<String> queries(int count, Random random) throws SQLException {
    List<String> vectors = new ArrayList<>();
    if (clusters == 0) {
      for (int q = 0; q < count; q++) {
        vectors.add(randomQuery(random));
      }
      return vectors;
    }
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select l2_normalize(array(select r.v[i] + random() - 0.5 + 0 * q"
                    + " from generate_series(1, "
                    + dimension
                    + ") i)::vector)::text from generate_series(1, ?) q"
                    + " join random_centre r on r.c = (q * 7919) % "
                    + clusters)) {
      statement.setInt(1, count);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          vectors.add(rows.getString(1));
        }
      }
    }
    return vectors;
  }

  /** A random unit vector in pgvector's text form. */
  String randomQuery(Random random) {
    double[] values = new double[dimension];
    double norm = 0;
    for (int i = 0; i < dimension; i++) {
      values[i] = random.nextDouble() - 0.5;
      norm += values[i] * values[i];
    }
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < dimension; i++) {
      text.append(i == 0 ? "" : ",").append((float) (values[i] / Math.sqrt(norm)));
    }
    return text.append(']').toString();
  }

  /** Runs an update statement with parameters. */
  long update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      if (sql.contains("returning")) {
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
      return statement.executeUpdate();
    }
  }

  @Override
  public void close() throws SQLException {
    database.close();
  }
}
