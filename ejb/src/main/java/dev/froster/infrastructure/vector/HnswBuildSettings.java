package dev.froster.infrastructure.vector;

/**
 * How a version's HNSW graph is built: {@code m} links kept per node and layer, {@code
 * efConstruction} candidates kept while inserting a node. Larger values find more of the exact
 * nearest moments at the same search effort and cost build time: at 1M generated 512-d rows, m = 32
 * with ef_construction = 128 found 0.62 of the exact top 10 at ef_search 100 where pgvector's
 * defaults found 0.40 (docs/benchmarks.md, "Search recall and latency").
 *
 * @param m links per node and layer, 2..100
 * @param efConstruction candidates per insertion, 2*m..1000
 */
public record HnswBuildSettings(int m, int efConstruction) {

  /** pgvector's defaults, right for catalogues up to about 100k moments. */
  public static final HnswBuildSettings DEFAULTS = new HnswBuildSettings(16, 64);

  public HnswBuildSettings {
    if (m < 2 || m > 100 || efConstruction < 2 * m || efConstruction > 1000) {
      throw new IllegalArgumentException(
          "HNSW build settings out of pgvector's range: m must lie in 2..100 and ef_construction"
              + " in 2*m..1000, were m="
              + m
              + ", ef_construction="
              + efConstruction);
    }
  }
}
