package dev.froster.infrastructure.search;

import dev.froster.application.Moment;
import dev.froster.application.SearchCursor;
import dev.froster.application.SearchFilters;
import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.model.ModelVersion;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.Session;

/**
 * Runs {@link MomentQuery} on the caller's transaction (the persistence context's connection, so
 * that {@code set local} reaches the query) with the configured index scan.
 *
 * <p>MicroProfile Config: {@code froster.search.ef-search} (default 200: candidates kept per graph
 * scan, raised to the page size when smaller; at 1M generated footage-like rows it finds 0.57 of
 * the exact top 10 against 0.40 at 100 for the same p50, see docs/benchmarks.md), {@code
 * froster.search.max-scan-tuples} (default 20000: how far an iterative scan goes when filters
 * reject candidates), {@code froster.search.cursor-secret} (the key that signs cursors; default a
 * random key per server start, so cursors do not outlive a restart; set it alike on every server of
 * a farm).
 */
@ApplicationScoped
public class MomentSearch {

  private static final Logger LOG = Logger.getLogger(MomentSearch.class.getName());

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  private MomentQuery.IndexScan scan;
  private byte[] cursorKey;

  @PostConstruct
  void configure() {
    Config config = ConfigProvider.getConfig(MomentSearch.class.getClassLoader());
    int efSearch = config.getOptionalValue("froster.search.ef-search", Integer.class).orElse(200);
    int maxScanTuples =
        config.getOptionalValue("froster.search.max-scan-tuples", Integer.class).orElse(20_000);
    if (efSearch < 1 || efSearch > 1000) {
      throw new IllegalArgumentException(
          "froster.search.ef-search must lie between 1 and 1000, was " + efSearch);
    }
    if (maxScanTuples < 1) {
      throw new IllegalArgumentException(
          "froster.search.max-scan-tuples must be positive, was " + maxScanTuples);
    }
    scan = new MomentQuery.IndexScan(efSearch, maxScanTuples);
    cursorKey =
        config
            .getOptionalValue("froster.search.cursor-secret", String.class)
            .filter(secret -> !secret.isBlank())
            .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
            .orElseGet(MomentSearch::randomKey);
    LOG.info("Search: hnsw.ef_search " + efSearch + ", hnsw.max_scan_tuples " + maxScanTuples);
  }

  /** The key cursors are signed with. */
  public byte[] cursorKey() {
    return cursorKey.clone();
  }

  /** Up to {@code rows} moments nearest {@code query} among the version's embeddings. */
  public List<Moment> nearest(
      ModelVersion version,
      Embedding query,
      SearchFilters filters,
      SearchCursor after,
      Long excludedSegment,
      int rows,
      boolean exact) {
    MomentQuery moments =
        new MomentQuery(
            version.id().value(),
            version.embedDim(),
            query.toPgVectorLiteral(),
            filters,
            after,
            excludedSegment,
            rows,
            exact);
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(connection -> moments.run(connection, scan));
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
