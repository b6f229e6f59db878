package dev.froster.infrastructure.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * Exact nearest stored rows of the benchmark's queries (all rows, and only the rare collection's)
 * and of a sample of stored rows, computed while the rows stream past once: the reference recall is
 * measured against, and the catalogue's statistics (1-NN cosine, gap between the k-th and (k+1)-th
 * neighbour, mean pairwise cosine).
 */
final class NearestRows {

  private final float[][] queries;
  private final Best[] all;
  private final Best[] rare;
  private final float[][] sample;
  private final long[] sampleIds;
  private final Best[] sampleNearest;

  NearestRows(FootageEmbeddings generator, int queryCount, long assets, int keep, int sampleRows) {
    queries = new float[queryCount][];
    all = new Best[queryCount];
    rare = new Best[queryCount];
    for (int q = 0; q < queryCount; q++) {
      queries[q] = generator.query(q, assets);
      all[q] = new Best(keep);
      rare[q] = new Best(keep);
    }
    // The sample is the first segment of evenly spaced assets; rows seen before a sampled row
    // are compared with it when it arrives, so every sampled row sees every row exactly once.
    sample = new float[sampleRows][];
    sampleIds = new long[sampleRows];
    sampleNearest = new Best[sampleRows];
    long sampleEvery = Math.max(1, assets / sampleRows);
    for (int i = 0; i < sampleRows; i++) {
      long asset = Math.min(assets - 1, i * sampleEvery);
      sample[i] = generator.asset(asset)[0];
      sampleIds[i] = asset * FootageEmbeddings.SEGMENTS_PER_ASSET + 1;
      sampleNearest[i] = new Best(keep + 1);
    }
  }

  void offer(long segmentId, float[] row, boolean inRareCollection) {
    for (int q = 0; q < queries.length; q++) {
      double score = FootageEmbeddings.dot(queries[q], row);
      all[q].offer(segmentId, score);
      if (inRareCollection) {
        rare[q].offer(segmentId, score);
      }
    }
    for (int i = 0; i < sample.length; i++) {
      if (sampleIds[i] != segmentId) {
        sampleNearest[i].offer(segmentId, FootageEmbeddings.dot(sample[i], row));
      }
    }
  }

  void printStatistics(int k) {
    double pairs = 0;
    int pairCount = 0;
    for (int i = 0; i < sample.length; i++) {
      for (int j = i + 1; j < sample.length; j++) {
        pairs += FootageEmbeddings.dot(sample[i], sample[j]);
        pairCount++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "stored rows (sample of %d): mean pairwise cosine %.3f, mean 1-NN cosine %.3f,"
            + " %d-th %.3f, %d-th %.3f, mean gap %d-th to %d-th %.4f%n",
        sample.length,
        pairs / pairCount,
        mean(sampleNearest, 0),
        k,
        mean(sampleNearest, k - 1),
        k + 1,
        mean(sampleNearest, k),
        k,
        k + 1,
        mean(sampleNearest, k - 1) - mean(sampleNearest, k));
    System.out.printf(
        Locale.ROOT,
        "queries (%d): mean best cosine %.3f, %d-th %.3f, mean gap %d-th to %d-th %.4f;"
            + " 1 %% filter: best %.3f, gap %.4f%n",
        queries.length,
        mean(all, 0),
        k,
        mean(all, k - 1),
        k,
        k + 1,
        mean(all, k - 1) - mean(all, k),
        mean(rare, 0),
        mean(rare, k - 1) - mean(rare, k));
  }

  /** Writes queries and their top k to {@code bench_query} and {@code bench_truth}. */
  void store(Connection connection, int k) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("create table bench_query (query int primary key, vector text not null)");
      statement.execute(
          "create table bench_truth (query int, rare boolean, rank int, segment_id bigint,"
              + " score double precision, primary key (query, rare, rank))");
    }
    try (PreparedStatement query =
            connection.prepareStatement("insert into bench_query values (?, ?)");
        PreparedStatement truth =
            connection.prepareStatement("insert into bench_truth values (?, ?, ?, ?, ?)")) {
      for (int q = 0; q < queries.length; q++) {
        query.setInt(1, q);
        query.setString(2, FootageEmbeddings.text(queries[q]));
        query.addBatch();
        for (boolean filtered : new boolean[] {false, true}) {
          Best best = filtered ? rare[q] : all[q];
          for (int rank = 0; rank < Math.min(k + 1, best.size); rank++) {
            truth.setInt(1, q);
            truth.setBoolean(2, filtered);
            truth.setInt(3, rank + 1);
            truth.setLong(4, best.ids[rank]);
            truth.setDouble(5, best.scores[rank]);
            truth.addBatch();
          }
        }
      }
      query.executeBatch();
      truth.executeBatch();
    }
  }

  private static double mean(Best[] lists, int rank) {
    return Arrays.stream(lists)
        .filter(best -> best.size > rank)
        .mapToDouble(best -> best.scores[rank])
        .average()
        .orElse(Double.NaN);
  }

  /** The highest scores seen, best first (ties: smaller id first, as the search orders them). */
  private static final class Best {
    final long[] ids;
    final double[] scores;
    int size;

    Best(int capacity) {
      ids = new long[capacity];
      scores = new double[capacity];
    }

    void offer(long id, double score) {
      if (size == ids.length && score <= scores[size - 1]) {
        return;
      }
      int at = size == ids.length ? size - 1 : size++;
      while (at > 0 && scores[at - 1] < score) {
        ids[at] = ids[at - 1];
        scores[at] = scores[at - 1];
        at--;
      }
      ids[at] = id;
      scores[at] = score;
    }
  }
}
