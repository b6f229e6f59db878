package dev.froster.infrastructure.search;

import dev.froster.db.SchemaMigrations;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Creates a benchmark database of generated footage embeddings ({@link FootageEmbeddings}) and
 * keeps it for {@link SearchScaleBenchmark} and the REST load test (bench/search/run.sh drops it).
 *
 * <p>Steps: migrate the product's schema; {@code segments / 10} assets (every 100th in collection
 * {@code rare}) with 10 segments each; one active model version; the embeddings by binary COPY,
 * while the exact top {@code k + 1} of every query (with and without the rare filter) and of a
 * sample of stored rows are computed in Java from the same stream; the version's HNSW index with
 * the given settings, timed ({@link HnswIndexBuild}). The answers go to table {@code bench_truth},
 * the queries to {@code bench_query}.
 *
 * <p>Arguments: database, segments, kind ({@code footage} or {@code uniform}), m, ef_construction,
 * queries (default 200), k (default 10); m = 0 leaves the index out (build it later with {@link
 * HnswIndexBuild}). Connects with FROSTER_DB_* (maintenance database FROSTER_DB_NAME); the
 * cluster's {@code maintenance_work_mem} and {@code max_parallel_maintenance_workers} apply to the
 * build and are printed.
 */
public final class FootageCatalogueLoader {

  private static final int DIMENSION = 512;
  private static final int ACTIONS = 1000;
  private static final long SEED = 2026;
  private static final int SAMPLE_ROWS = 200;

  private FootageCatalogueLoader() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      throw new IllegalArgumentException(
          "arguments: database segments footage|uniform m ef_construction [queries] [k]");
    }
    String database = args[0];
    long segments = Long.parseLong(args[1]);
    boolean uniform =
        switch (args[2]) {
          case "footage" -> false;
          case "uniform" -> true;
          default ->
              throw new IllegalArgumentException("kind must be footage or uniform: " + args[2]);
        };
    int m = Integer.parseInt(args[3]);
    int efConstruction = Integer.parseInt(args[4]);
    int queries = args.length > 5 ? Integer.parseInt(args[5]) : 200;
    int k = args.length > 6 ? Integer.parseInt(args[6]) : 10;
    if (segments % FootageEmbeddings.SEGMENTS_PER_ASSET != 0) {
      throw new IllegalArgumentException("segments must be a multiple of 10: " + segments);
    }
    long assets = segments / FootageEmbeddings.SEGMENTS_PER_ASSET;
    FootageEmbeddings generator = new FootageEmbeddings(DIMENSION, ACTIONS, uniform, SEED);

    try (Connection maintenance = connect(env("FROSTER_DB_NAME", "froster"));
        Statement statement = maintenance.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
      statement.execute("create database " + database);
    }
    PGSimpleDataSource dataSource = dataSource(database);
    SchemaMigrations.migrate(dataSource);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      long start = System.nanoTime();
      statement.execute(
          "insert into media_asset (id, source_uri, sha256, title, collection, status, probe)"
              + " select i, 'file:/generated/' || i || '.mp4', lpad(to_hex(i), 64, '0'),"
              + " 'asset ' || i, case when i % 100 = 0 then 'rare' else 'common' end,"
              + " 'embedded', jsonb_build_object('durationMs', 20000)"
              + " from generate_series(1, "
              + assets
              + ") i");
      // Segment id = asset index * 10 + position + 1: the truth below refers to these ids.
      statement.execute(
          "insert into segment (id, asset_id, start_ms, end_ms)"
              + " select (a - 1) * 10 + k + 1, a, k * 2000, k * 2000 + 2000"
              + " from generate_series(1, "
              + assets
              + ") a, generate_series(0, 9) k");
      statement.execute(
          "select setval(pg_get_serial_sequence('media_asset', 'id'), "
              + assets
              + "), setval(pg_get_serial_sequence('segment', 'id'), "
              + segments
              + ")");
      long modelVersion;
      try (ResultSet row =
          statement.executeQuery(
              "insert into model_version"
                  + " (name, bundle_path, bundle_sha256, embed_dim, status, activated_at)"
                  + " values ('generated', '/generated', repeat('0', 64), "
                  + DIMENSION
                  + ", 'active', now()) returning id")) {
        row.next();
        modelVersion = row.getLong(1);
      }
      NearestRows truth = new NearestRows(generator, queries, assets, k + 1, SAMPLE_ROWS);
      copyEmbeddings(connection, generator, assets, modelVersion, truth);
      System.out.printf(
          Locale.ROOT,
          "%s: %d segments (%s, %d-d), %d assets, generated and copied in %.1f s%n",
          database,
          segments,
          uniform ? "uniform random directions" : "generated footage",
          DIMENSION,
          assets,
          (System.nanoTime() - start) / 1e9);
      truth.printStatistics(k);
      truth.store(connection, k);
      statement.execute("vacuum analyze");
    }
    if (m > 0) {
      HnswIndexBuild.build(database, m, efConstruction);
    }
  }

  private static void copyEmbeddings(
      Connection connection,
      FootageEmbeddings generator,
      long assets,
      long modelVersion,
      NearestRows truth)
      throws Exception {
    PGConnection pg = connection.unwrap(PGConnection.class);
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(
                new PGCopyOutputStream(
                    pg,
                    "copy segment_embedding (segment_id, model_version_id, embedding)"
                        + " from stdin (format binary)"),
                1 << 20))) {
      out.writeBytes("PGCOPY\n");
      out.write(new byte[] {(byte) 0xFF, '\r', '\n', 0});
      out.writeInt(0);
      out.writeInt(0);
      for (long asset = 0; asset < assets; asset++) {
        float[][] rows = generator.asset(asset);
        boolean rare = (asset + 1) % 100 == 0;
        for (int position = 0; position < rows.length; position++) {
          long segmentId = asset * FootageEmbeddings.SEGMENTS_PER_ASSET + position + 1;
          float[] vector = rows[position];
          truth.offer(segmentId, vector, rare);
          out.writeShort(3);
          out.writeInt(8);
          out.writeLong(segmentId);
          out.writeInt(8);
          out.writeLong(modelVersion);
          // pgvector's binary form: dimensions (int16), unused (int16), float4 values.
          out.writeInt(4 + 4 * vector.length);
          out.writeShort(vector.length);
          out.writeShort(0);
          for (float value : vector) {
            out.writeFloat(value);
          }
        }
      }
      out.writeShort(-1);
    }
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl(database), env("FROSTER_DB_USER", "froster"), password());
  }

  static PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl(database));
    dataSource.setUser(env("FROSTER_DB_USER", "froster"));
    dataSource.setPassword(password());
    return dataSource;
  }

  private static String jdbcUrl(String database) {
    return String.format(
        Locale.ROOT,
        "jdbc:postgresql://%s:%s/%s",
        env("FROSTER_DB_HOST", "localhost"),
        env("FROSTER_DB_PORT", "55432"),
        database);
  }

  private static String password() {
    String password = System.getenv("FROSTER_DB_PASSWORD");
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException("FROSTER_DB_PASSWORD is not set (see bench/search/run.sh)");
    }
    return password;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
