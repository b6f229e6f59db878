package dev.froster.infrastructure.search;

import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.infrastructure.vector.HnswBuildSettings;
import dev.froster.infrastructure.vector.HnswIndexes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * (Re)builds the active version's HNSW index of a benchmark database with the given settings and
 * prints the build time, the index size and the settings that shaped the build (the cluster's
 * {@code maintenance_work_mem} and {@code max_parallel_maintenance_workers}), so that several
 * settings can be compared on the same rows without loading them again.
 *
 * <p>Arguments: database, m, ef_construction.
 */
public final class HnswIndexBuild {

  private HnswIndexBuild() {}

  public static void main(String[] args) throws Exception {
    build(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]));
  }

  static void build(String database, int m, int efConstruction) throws SQLException {
    try (Connection connection = FootageCatalogueLoader.connect(database);
        Statement statement = connection.createStatement()) {
      ModelVersionId version;
      int dimension;
      try (ResultSet row =
          statement.executeQuery(
              "select id, embed_dim from model_version where status = 'active'")) {
        row.next();
        version = new ModelVersionId(row.getLong(1));
        dimension = row.getInt(2);
      }
      statement.execute("drop index if exists " + HnswIndexes.nameFor(version));
      String memory = show(statement, "maintenance_work_mem");
      String workers = show(statement, "max_parallel_maintenance_workers");
      String loadBefore = LoadAverage.now();
      long start = System.nanoTime();
      statement.execute(
          HnswIndexes.createStatementFor(
              version, dimension, new HnswBuildSettings(m, efConstruction)));
      double seconds = (System.nanoTime() - start) / 1e9;
      statement.execute("analyze");
      try (ResultSet row =
          statement.executeQuery(
              "select pg_size_pretty(pg_relation_size('"
                  + HnswIndexes.nameFor(version)
                  + "')), pg_size_pretty(pg_total_relation_size('segment_embedding'))")) {
        row.next();
        System.out.printf(
            Locale.ROOT,
            "%s: HNSW m=%d ef_construction=%d (maintenance_work_mem %s, parallel maintenance"
                + " workers %s): built in %.1f s (load %s before, %s after), index %s"
                + " (segment_embedding with its indexes %s)%n",
            database,
            m,
            efConstruction,
            memory,
            workers,
            seconds,
            loadBefore,
            LoadAverage.now(),
            row.getString(1),
            row.getString(2));
      }
    }
  }

  private static String show(Statement statement, String setting) throws SQLException {
    try (ResultSet row = statement.executeQuery("show " + setting)) {
      row.next();
      return row.getString(1);
    }
  }
}
