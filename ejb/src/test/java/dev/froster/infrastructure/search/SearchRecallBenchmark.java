package dev.froster.infrastructure.search;

import dev.froster.application.Moment;
import dev.froster.application.SearchFilters;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Recall@k and latency of the HNSW path of {@link MomentQuery} against its exact mode, on a
 * generated catalogue of random unit vectors in a temporary database (dropped at the end). Random
 * vectors are the hard case for a graph index: no clusters to walk along.
 *
 * <p>Arguments: segments (default 50000), dimension (512), queries (100), k (10), ef_search values
 * (comma-separated, default 40,100,200), clusters (default 0: uniform random directions; e.g. 1000:
 * centres plus noise, closer to real embeddings). Run (see docs/benchmarks.md, "Search recall and
 * latency"):
 *
 * <pre>
 * source var/secrets/env.sh
 * mvn -B -o -q test-compile exec:java -pl ejb -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.froster.infrastructure.search.SearchRecallBenchmark \
 *   -Dexec.args="50000 512 100 10 40,100,200 0"
 * </pre>
 */
public final class SearchRecallBenchmark {

  private SearchRecallBenchmark() {}

  public static void main(String[] args) throws Exception {
    int segments = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 512;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int k = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int[] efSearches =
        Arrays.stream((args.length > 4 ? args[4] : "40,100,200").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int clusters = args.length > 5 ? Integer.parseInt(args[5]) : 0;
    long start = System.nanoTime();
    try (RandomCatalogue catalogue = new RandomCatalogue(segments / 10, 10, dimension, clusters)) {
      System.out.printf(
          Locale.ROOT,
          "catalogue: %d segments, %d-d, %s, generated in %.1f s; HNSW (m=16, ef_construction=64)"
              + " built in %.1f s%n",
          segments,
          dimension,
          clusters == 0 ? "uniform random directions" : clusters + " clusters",
          (System.nanoTime() - start) / 1e9,
          catalogue.indexBuildMillis / 1e3);
      List<String> vectors = catalogue.queries(queries, new Random(2026));
      SearchFilters rare = new SearchFilters("rare", null, null, null, null, null, null);
      try (Connection connection = catalogue.connect()) {
        // Warm the buffers for both paths once, so neither pays for the first reads alone.
        measure(catalogue, connection, vectors.subList(0, 1), SearchFilters.NONE, k, true, 100);
        measure(catalogue, connection, vectors.subList(0, 1), SearchFilters.NONE, k, false, 100);
        Result exact = measure(catalogue, connection, vectors, SearchFilters.NONE, k, true, 100);
        Result exactRare = measure(catalogue, connection, vectors, rare, k, true, 100);
        System.out.printf(
            Locale.ROOT,
            "exact: p50 %.1f ms, p95 %.1f ms; exact with 1 %% filter: p50 %.1f ms%n",
            exact.percentile(50),
            exact.percentile(95),
            exactRare.percentile(50));
        for (int efSearch : efSearches) {
          Result index =
              measure(catalogue, connection, vectors, SearchFilters.NONE, k, false, efSearch);
          Result indexRare = measure(catalogue, connection, vectors, rare, k, false, efSearch);
          System.out.printf(
              Locale.ROOT,
              "index ef_search %d: recall@%d %.3f, p50 %.1f ms, p95 %.1f ms, p50 ratio index/exact"
                  + " %.3f; 1 %% filter: recall@%d %.3f, page filled %.3f, p50 %.1f ms%n",
              efSearch,
              k,
              index.recall(exact),
              index.percentile(50),
              index.percentile(95),
              index.percentile(50) / exact.percentile(50),
              k,
              indexRare.recall(exactRare),
              indexRare.filled(k),
              indexRare.percentile(50));
        }
      }
    }
  }

  private static Result measure(
      RandomCatalogue catalogue,
      Connection connection,
      List<String> vectors,
      SearchFilters filters,
      int k,
      boolean exact,
      int efSearch)
      throws Exception {
    MomentQuery.IndexScan scan = new MomentQuery.IndexScan(efSearch, 20_000);
    Result result = new Result();
    for (String vector : vectors) {
      MomentQuery query =
          new MomentQuery(
              catalogue.modelVersion, catalogue.dimension, vector, filters, null, null, k, exact);
      long start = System.nanoTime();
      List<Moment> moments = query.run(connection, scan);
      // Each search is its own transaction in the server too.
      connection.commit();
      result.millis.add((System.nanoTime() - start) / 1e6);
      Set<Long> ids = new HashSet<>();
      moments.forEach(moment -> ids.add(moment.segmentId()));
      result.answers.add(ids);
    }
    return result;
  }

  private static final class Result {
    final List<Double> millis = new ArrayList<>();
    final List<Set<Long>> answers = new ArrayList<>();

    double percentile(int p) {
      List<Double> sorted = new ArrayList<>(millis);
      sorted.sort(Double::compare);
      return sorted.get(
          Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    double recall(Result truth) {
      long found = 0;
      long wanted = 0;
      for (int i = 0; i < answers.size(); i++) {
        Set<Long> hit = new HashSet<>(answers.get(i));
        hit.retainAll(truth.answers.get(i));
        found += hit.size();
        wanted += truth.answers.get(i).size();
      }
      return (double) found / wanted;
    }

    double filled(int k) {
      return answers.stream().mapToInt(Set::size).sum() / (double) (k * answers.size());
    }
  }
}
