package dev.froster.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.application.Moment;
import dev.froster.application.SearchCursor;
import dev.froster.application.SearchFilters;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search SQL against real PostgreSQL + pgvector: 400 assets × 10 segments of random 32-d unit
 * embeddings; 40 segments (4 assets) in collection {@code rare}.
 */
class MomentQueryTest {

  private static final MomentQuery.IndexScan SCAN = new MomentQuery.IndexScan(40, 20_000);
  private static final SearchFilters RARE =
      new SearchFilters("rare", null, null, null, null, null, null);

  private static RandomCatalogue catalogue;

  @BeforeAll
  static void generate() throws Exception {
    catalogue = new RandomCatalogue(400, 10, 32);
  }

  @AfterAll
  static void drop() throws Exception {
    if (catalogue != null) {
      catalogue.close();
    }
  }

  @Test
  void theVersionsHnswIndexServesTheSearchAndExactModeScans() throws Exception {
    String vector = catalogue.randomQuery(new Random(1));
    try (Connection connection = catalogue.connect()) {
      List<String> plan =
          query(vector, SearchFilters.NONE, null, 20, false).explain(connection, SCAN);
      assertTrue(usesIndex(plan), String.join("\n", plan));
      SearchFilters common = new SearchFilters("common", null, null, null, null, null, null);
      List<String> filtered = query(vector, common, null, 20, false).explain(connection, SCAN);
      assertTrue(usesIndex(filtered), String.join("\n", filtered));
      List<String> exact =
          query(vector, SearchFilters.NONE, null, 20, true).explain(connection, SCAN);
      assertFalse(usesIndex(exact), String.join("\n", exact));
    }
  }

  @Test
  void aSelectiveFilterStillFillsThePageThroughIterativeScans() throws Exception {
    // With 1 % of the rows matching, PostgreSQL would rather sort the 40 matches (exact and cheap);
    // sorting is made expensive here so that the plan walks the graph, as it does in catalogues
    // too large to sort. ef_search 40 over 4000 rows where 1 % match: one plain graph scan would
    // find about 0.4 of the 20 moments asked for.
    try (Connection connection = catalogue.connect()) {
      connection.createStatement().execute("set enable_sort = off");
      for (int seed = 0; seed < 5; seed++) {
        String vector = catalogue.randomQuery(new Random(100 + seed));
        MomentQuery rare = query(vector, RARE, null, 20, false);
        List<String> plan = rare.explain(connection, SCAN);
        assertTrue(usesIndex(plan), String.join("\n", plan));
        List<Moment> page = rare.run(connection, SCAN);
        assertEquals(20, page.size());
        page.forEach(moment -> assertEquals("rare", moment.collection()));
        assertSorted(page);
        List<Moment> exact = query(vector, RARE, null, 20, true).run(connection, SCAN);
        assertEquals(ids(exact), ids(page));
      }
    }
  }

  @Test
  void indexAndExactSearchAgreeOnTheTopResults() throws Exception {
    int found = 0;
    for (int seed = 0; seed < 10; seed++) {
      String vector = catalogue.randomQuery(new Random(200 + seed));
      Set<Long> exact = ids(run(query(vector, SearchFilters.NONE, null, 10, true)));
      Set<Long> index = ids(run(query(vector, SearchFilters.NONE, null, 10, false)));
      index.retainAll(exact);
      found += index.size();
    }
    assertTrue(found >= 95, "recall@10 of the index against exact was " + found / 100.0);
  }

  @Test
  void cursorPagesFollowEachOtherWithoutGapsOrDuplicates() throws Exception {
    String vector = catalogue.randomQuery(new Random(7));
    List<Moment> all = run(query(vector, RARE, null, 100, true));
    assertEquals(40, all.size());
    List<Moment> paged = new ArrayList<>();
    SearchCursor after = null;
    while (true) {
      List<Moment> page = run(query(vector, RARE, after, 7, true));
      paged.addAll(page);
      if (page.size() < 7) {
        break;
      }
      Moment last = page.get(page.size() - 1);
      after = new SearchCursor(last.distance(), last.segmentId());
    }
    assertEquals(all, paged);
  }

  @Test
  void durationAndTagFiltersKeepOnlyMatchingMoments() throws Exception {
    String vector = catalogue.randomQuery(new Random(9));
    SearchFilters longOnes = new SearchFilters(null, null, null, 10.39, 10.395, null, null);
    List<Moment> page = run(query(vector, longOnes, null, 100, false));
    // Assets 390..395 last 10390..10395 ms.
    assertEquals(60, page.size());
    page.forEach(
        moment -> {
          int asset = Integer.parseInt(moment.assetTitle().substring("asset ".length()));
          assertTrue(asset >= 390 && asset <= 395, moment.toString());
        });

    long vocabulary =
        catalogue.update(
            "insert into vocabulary (name, accept_threshold, review_threshold)"
                + " values ('actions', 0.8, 0.5) returning id");
    long term =
        catalogue.update(
            "insert into term (vocabulary_id, label) values (?, 'Diving') returning id",
            vocabulary);
    long segment = catalogue.update("select min(id) from segment where asset_id = 1 -- returning");
    catalogue.update(
        "insert into tag (segment_id, term_id, source, status) values (?, ?, 'manual', 'accepted')",
        segment,
        term);
    catalogue.update(
        "insert into tag (asset_id, term_id, source, status)"
            + " select 2, ?, 'manual', 'accepted'",
        term);
    catalogue.update(
        "insert into tag (asset_id, term_id, source, status)" + " select 3, ?, 'manual', 'pending'",
        term);
    for (String tag : List.of("diving", Long.toString(term))) {
      List<Moment> tagged =
          run(
              query(
                  vector,
                  new SearchFilters(null, null, null, null, null, tag, null),
                  null,
                  100,
                  false));
      // The accepted segment tag and the 10 segments of the asset with the accepted asset tag;
      // the pending asset tag counts for nothing.
      assertEquals(11, tagged.size(), tagged.toString());
      tagged.forEach(
          moment ->
              assertTrue(
                  moment.segmentId() == segment || moment.assetId() == 2, moment.toString()));
    }
  }

  @Test
  void ingestDateFiltersAtTheEndsOfTheirRangeAreBoundAsTimestamps() throws Exception {
    String vector = catalogue.randomQuery(new Random(11));
    Instant first = SearchFilters.EARLIEST_DATE;
    Instant last = SearchFilters.END_OF_DATES.minusNanos(1);
    List<Moment> everything =
        run(
            query(
                vector,
                new SearchFilters(null, first, last, null, null, null, null),
                null,
                50,
                true));
    assertEquals(50, everything.size());
    List<Moment> none =
        run(
            query(
                vector,
                new SearchFilters(null, last.minusSeconds(1), last, null, null, null, null),
                null,
                50,
                true));
    assertEquals(List.of(), none);
  }

  private static MomentQuery query(
      String vector, SearchFilters filters, SearchCursor after, int rows, boolean exact) {
    return new MomentQuery(
        catalogue.modelVersion, catalogue.dimension, vector, filters, after, null, rows, exact);
  }

  private static List<Moment> run(MomentQuery query) throws Exception {
    try (Connection connection = catalogue.connect()) {
      return query.run(connection, SCAN);
    }
  }

  private static boolean usesIndex(List<String> plan) {
    String index = "Index Scan using segment_embedding_hnsw_v" + catalogue.modelVersion + " ";
    return plan.stream().anyMatch(line -> line.contains(index));
  }

  private static Set<Long> ids(List<Moment> moments) {
    Set<Long> ids = new HashSet<>();
    moments.forEach(moment -> ids.add(moment.segmentId()));
    return ids;
  }

  private static void assertSorted(List<Moment> moments) {
    for (int i = 1; i < moments.size(); i++) {
      assertTrue(moments.get(i - 1).distance() <= moments.get(i).distance(), moments.toString());
    }
  }
}
