package dev.froster.infrastructure.search;

import dev.froster.application.Moment;
import dev.froster.application.SearchFilters;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recall@k and latency of {@link MomentQuery} (the product's search SQL) on a database made by
 * {@link FootageCatalogueLoader}: the HNSW path at several {@code ef_search} values against the
 * exact answers computed by the loader, with and without the 1 % filter ({@code collection=rare}),
 * and the exact mode's latency on a sample of the queries (its answers checked against the
 * loader's, which confirms the reference). One transaction per query, as in the server. The
 * version's index and table are loaded into shared buffers first ({@code pg_prewarm}): the figures
 * are those of a warm server.
 *
 * <p>Arguments: database, k (10), ef_search values (40,100,200), exact sample (queries measured in
 * exact mode; 0: none), max scan tuples (20000).
 */
public final class SearchScaleBenchmark {

  private SearchScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = args[0];
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int[] efSearches =
        Arrays.stream((args.length > 2 ? args[2] : "40,100,200").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int exactSample = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int maxScanTuples = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
    SearchFilters rare = new SearchFilters("rare", null, null, null, null, null, null);
    try (Connection connection = FootageCatalogueLoader.connect(database)) {
      long modelVersion;
      int dimension;
      long rows;
      List<String> queries = new ArrayList<>();
      List<Set<Long>> truth = new ArrayList<>();
      List<Set<Long>> truthRare = new ArrayList<>();
      List<Double> truthKth = new ArrayList<>();
      try (Statement statement = connection.createStatement()) {
        try (ResultSet row =
            statement.executeQuery(
                "select v.id, v.embed_dim, (select count(*) from segment_embedding e"
                    + " where e.model_version_id = v.id) from model_version v"
                    + " where v.status = 'active'")) {
          row.next();
          modelVersion = row.getLong(1);
          dimension = row.getInt(2);
          rows = row.getLong(3);
        }
        try (ResultSet row =
            statement.executeQuery("select vector from bench_query order by query")) {
          while (row.next()) {
            queries.add(row.getString(1));
            truth.add(new HashSet<>());
            truthRare.add(new HashSet<>());
            truthKth.add(Double.NaN);
          }
        }
        try (ResultSet row =
            statement.executeQuery(
                "select query, rare, segment_id, rank, score from bench_truth where rank <= "
                    + k)) {
          while (row.next()) {
            (row.getBoolean(2) ? truthRare : truth).get(row.getInt(1)).add(row.getLong(3));
            if (!row.getBoolean(2) && row.getInt(4) == k) {
              truthKth.set(row.getInt(1), row.getDouble(5));
            }
          }
        }
        statement.execute("create extension if not exists pg_prewarm");
        statement.execute(
            "select pg_prewarm('segment_embedding'), pg_prewarm('segment_embedding_hnsw_v"
                + modelVersion
                + "'), pg_prewarm('segment'), pg_prewarm('media_asset')");
      }
      connection.setAutoCommit(false);
      Timing warmUp =
          measure(
              connection,
              modelVersion,
              dimension,
              queries,
              SearchFilters.NONE,
              k,
              false,
              new MomentQuery.IndexScan(efSearches[0], maxScanTuples));
      System.out.printf(
          Locale.ROOT,
          "%s: %d rows, %d queries, k=%d, max_scan_tuples %d (warm-up pass p50 %.1f ms)%n",
          database,
          rows,
          queries.size(),
          k,
          maxScanTuples,
          warmUp.percentile(50));
      for (int efSearch : efSearches) {
        MomentQuery.IndexScan scan = new MomentQuery.IndexScan(efSearch, maxScanTuples);
        String load = LoadAverage.now();
        Timing index =
            measure(
                connection, modelVersion, dimension, queries, SearchFilters.NONE, k, false, scan);
        Timing indexRare =
            measure(connection, modelVersion, dimension, queries, rare, k, false, scan);
        System.out.printf(
            Locale.ROOT,
            "ef_search %d (load %s): recall@%d %.3f (%d-th score %.4f below exact), p50 %.1f ms,"
                + " p95 %.1f ms, p99 %.1f ms; 1 %% filter: recall@%d %.3f, page filled %.3f, p50 %.1f ms, p95 %.1f ms%n",
            efSearch,
            load,
            k,
            index.recall(truth),
            k,
            index.kthShortfall(truthKth, k),
            index.percentile(50),
            index.percentile(95),
            index.percentile(99),
            k,
            indexRare.recall(truthRare),
            indexRare.filled(k),
            indexRare.percentile(50),
            indexRare.percentile(95));
      }
      if (exactSample > 0) {
        int sample = Math.min(exactSample, queries.size());
        String load = LoadAverage.now();
        Timing exact =
            measure(
                connection,
                modelVersion,
                dimension,
                queries.subList(0, sample),
                SearchFilters.NONE,
                k,
                true,
                null);
        Timing exactRare =
            measure(
                connection,
                modelVersion,
                dimension,
                queries.subList(0, sample),
                rare,
                k,
                true,
                null);
        System.out.printf(
            Locale.ROOT,
            "exact mode over the first %d queries (load %s): p50 %.1f ms, p95 %.1f ms, agrees"
                + " with the loader's answers %.3f; 1 %% filter: p50 %.1f ms, agrees %.3f%n",
            sample,
            load,
            exact.percentile(50),
            exact.percentile(95),
            exact.recall(truth.subList(0, sample)),
            exactRare.percentile(50),
            exactRare.recall(truthRare.subList(0, sample)));
      }
    }
  }

  private static Timing measure(
      Connection connection,
      long modelVersion,
      int dimension,
      List<String> vectors,
      SearchFilters filters,
      int k,
      boolean exact,
      MomentQuery.IndexScan scan)
      throws SQLException {
    Timing timing = new Timing();
    for (String vector : vectors) {
      MomentQuery query =
          new MomentQuery(modelVersion, dimension, vector, filters, null, null, k, exact);
      long start = System.nanoTime();
      List<Moment> moments = query.run(connection, scan);
      connection.commit();
      timing.millis.add((System.nanoTime() - start) / 1e6);
      Set<Long> ids = new HashSet<>();
      moments.forEach(moment -> ids.add(moment.segmentId()));
      timing.answers.add(ids);
      timing.kthScores.add(moments.size() < k ? Double.NaN : moments.get(k - 1).score());
    }
    return timing;
  }

  /** Latencies and answers of one pass over the queries. */
  static final class Timing {
    final List<Double> millis = new ArrayList<>();
    final List<Set<Long>> answers = new ArrayList<>();
    final List<Double> kthScores = new ArrayList<>();

    /**
     * How much worse the k-th answer scores than the exact k-th, on average: with many near-equal
     * candidates a miss may cost almost nothing, which recall alone does not show.
     */
    double kthShortfall(List<Double> exactKth, int k) {
      double sum = 0;
      for (int i = 0; i < kthScores.size(); i++) {
        sum += exactKth.get(i) - (kthScores.get(i).isNaN() ? -1 : kthScores.get(i));
      }
      return sum / kthScores.size();
    }

    double percentile(int p) {
      List<Double> sorted = new ArrayList<>(millis);
      sorted.sort(Double::compare);
      return sorted.get(
          Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    double recall(List<Set<Long>> truth) {
      long found = 0;
      long wanted = 0;
      for (int i = 0; i < answers.size(); i++) {
        Set<Long> hit = new HashSet<>(answers.get(i));
        hit.retainAll(truth.get(i));
        found += hit.size();
        wanted += truth.get(i).size();
      }
      return (double) found / wanted;
    }

    double filled(int k) {
      return answers.stream().mapToInt(Set::size).sum() / (double) (k * answers.size());
    }
  }
}
