package dev.froster.infrastructure.search;

import dev.froster.application.Moment;
import dev.froster.application.SearchCursor;
import dev.froster.application.SearchFilters;
import dev.froster.infrastructure.persistence.jpa.CurrentTags;
import dev.froster.infrastructure.vector.HnswIndexes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of nearest moments of a model version, as SQL over {@code segment_embedding}, {@code
 * segment} and {@code media_asset}.
 *
 * <p>Index mode orders by the expression of the version's HNSW index ({@link
 * HnswIndexes#indexedDistance}) inside a materialized CTE, with {@code hnsw.iterative_scan =
 * relaxed_order}: when filters discard candidates, pgvector keeps scanning the graph (up to {@code
 * hnsw.max_scan_tuples}) instead of returning fewer rows. Relaxed order means the CTE's rows are
 * only nearly sorted, so the outer query sorts them again. Exact mode orders by a distance
 * expression the index does not match, so PostgreSQL scans every embedding of the version.
 *
 * <p>Plain JDBC so that the same class runs inside the server (on the transaction's connection) and
 * in tests and benchmarks.
 */
public final class MomentQuery {

  /** How the index is scanned (pgvector settings, applied with {@code set local}). */
  public record IndexScan(int efSearch, int maxScanTuples) {}

  private final long modelVersion;
  private final int dimension;
  private final String vector;
  private final SearchFilters filters;
  private final SearchCursor after;
  private final Long excludedSegment;
  private final int rows;
  private final boolean exact;
  private final List<Object> parameters = new ArrayList<>();
  private final String sql;

  /**
   * @param vector the query embedding's pgvector text form
   * @param after the last moment of the previous page, or null
   * @param excludedSegment a segment never returned (the example of "more like this"), or null
   * @param rows how many rows to return at most
   */
  public MomentQuery(
      long modelVersion,
      int dimension,
      String vector,
      SearchFilters filters,
      SearchCursor after,
      Long excludedSegment,
      int rows,
      boolean exact) {
    this.modelVersion = modelVersion;
    this.dimension = dimension;
    this.vector = vector;
    this.filters = filters;
    this.after = after;
    this.excludedSegment = excludedSegment;
    this.rows = rows;
    this.exact = exact;
    this.sql = build();
  }

  public String sql() {
    return sql;
  }

  /**
   * The rows, nearest first (ties by segment id). Runs inside the caller's transaction (the index
   * settings are {@code set local}, so they last until it ends and touch nothing else): inside the
   * server the container's, outside it the caller turns auto-commit off first.
   */
  public List<Moment> run(Connection connection, IndexScan scan) throws SQLException {
    if (!exact) {
      applyScanSettings(connection, scan);
    }
    List<Moment> moments = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, sql);
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        moments.add(
            new Moment(
                row.getLong("asset_id"),
                row.getString("title"),
                row.getString("collection"),
                row.getLong("segment_id"),
                row.getLong("start_ms"),
                row.getLong("end_ms"),
                row.getDouble("distance")));
      }
    }
    return moments;
  }

  /** PostgreSQL's plan of the query (EXPLAIN, not executed), in the caller's transaction. */
  public List<String> explain(Connection connection, IndexScan scan) throws SQLException {
    if (!exact) {
      applyScanSettings(connection, scan);
    }
    List<String> plan = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, "explain " + sql);
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        plan.add(row.getString(1));
      }
    }
    return plan;
  }

  private void applyScanSettings(Connection connection, IndexScan scan) throws SQLException {
    // ef_search below the number of rows wanted would cap the result; 1000 is pgvector's maximum.
    int efSearch = Math.min(1000, Math.max(scan.efSearch(), rows));
    try (PreparedStatement settings =
        connection.prepareStatement(
            "select set_config('hnsw.iterative_scan', 'relaxed_order', true),"
                + " set_config('hnsw.ef_search', ?, true),"
                + " set_config('hnsw.max_scan_tuples', ?, true)")) {
      settings.setString(1, Integer.toString(efSearch));
      settings.setString(2, Integer.toString(scan.maxScanTuples()));
      settings.executeQuery().close();
    }
  }

  private PreparedStatement prepare(Connection connection, String text) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(text);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }

  /**
   * The driver binds an {@link OffsetDateTime} as a {@code timestamptz}, whereas the text of an
   * {@link Instant} would have to be cast by PostgreSQL, which cannot read it outside the years
   * 1..9999 (year 0, a signed year) and fails the whole search.
   */
  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private String build() {
    String distance =
        exact
            ? "e.embedding <=> cast(? as vector)"
            : HnswIndexes.indexedDistance("e.embedding", dimension);
    StringBuilder where = new StringBuilder(" where e.model_version_id = ").append(modelVersion);
    List<Object> filterParameters = new ArrayList<>();
    if (filters.collection() != null) {
      where.append(" and a.collection = ?");
      filterParameters.add(filters.collection());
    }
    if (filters.ingestedFrom() != null) {
      where.append(" and a.ingested_at >= ?");
      filterParameters.add(timestamp(filters.ingestedFrom()));
    }
    if (filters.ingestedTo() != null) {
      where.append(" and a.ingested_at < ?");
      filterParameters.add(timestamp(filters.ingestedTo()));
    }
    if (filters.minDurationSeconds() != null) {
      where.append(" and (a.probe ->> 'durationMs')::bigint >= ?");
      filterParameters.add(Math.round(filters.minDurationSeconds() * 1000));
    }
    if (filters.maxDurationSeconds() != null) {
      where.append(" and (a.probe ->> 'durationMs')::bigint <= ?");
      filterParameters.add(Math.round(filters.maxDurationSeconds() * 1000));
    }
    if (filters.tag() != null) {
      where.append(
          " and exists (select 1 from tag t join term m on m.id = t.term_id"
              + " where t.status = 'accepted' and (t.segment_id = s.id or t.asset_id = a.id)"
              + " and (lower(m.label) = lower(?) or m.id::text = ?) and "
              + CurrentTags.condition("t")
              + ")");
      filterParameters.add(filters.tag());
      filterParameters.add(filters.tag().strip());
    }
    if (excludedSegment != null) {
      where.append(" and e.segment_id <> ?");
      filterParameters.add(excludedSegment);
    }
    // The distance is written in the select list and, for the cursor, repeated in the filter:
    // each occurrence takes the query vector as its own parameter.
    parameters.add(vector);
    parameters.addAll(filterParameters);
    if (after != null) {
      where
          .append(" and (")
          .append(distance)
          .append(" > ? or (")
          .append(distance)
          .append(" = ? and e.segment_id > ?))");
      parameters.add(vector);
      parameters.add(after.distance());
      parameters.add(vector);
      parameters.add(after.distance());
      parameters.add(after.segmentId());
    }
    parameters.add(rows);
    String candidates =
        "select e.segment_id, "
            + distance
            + " as distance from segment_embedding e"
            + " join segment s on s.id = e.segment_id"
            + " join media_asset a on a.id = s.asset_id"
            + where
            + (exact ? " order by distance, e.segment_id" : " order by distance")
            + " limit ?";
    return "with nearest as materialized ("
        + candidates
        + ") select n.segment_id, n.distance, s.asset_id, s.start_ms, s.end_ms, a.title,"
        + " a.collection from nearest n join segment s on s.id = n.segment_id"
        + " join media_asset a on a.id = s.asset_id order by n.distance, n.segment_id";
  }
}
