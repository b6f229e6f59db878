package dev.froster.infrastructure.persistence.jpa;

import dev.froster.application.LabelledExample;
import dev.froster.application.ReviewCursor;
import dev.froster.application.ReviewItem;
import dev.froster.application.ReviewOrder;
import dev.froster.application.ReviewQueueQuery;
import dev.froster.application.RunnerUp;
import dev.froster.application.TagOccurrence;
import dev.froster.application.TagQueries;
import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.review.Decision;
import dev.froster.domain.model.segment.TimeRange;
import dev.froster.domain.model.tag.TagId;
import dev.froster.domain.model.tag.TagSource;
import dev.froster.domain.model.tag.TagStatus;
import dev.froster.domain.model.tag.TermRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Native SQL over {@code tag} joined with segment, asset, term and vocabulary: the read models of
 * the review queue, the asset tags and the labelled examples. Terms are read here, not through the
 * vocabulary side's entities, so the tag side only depends on the schema.
 */
@ApplicationScoped
public class SqlTagQueries implements TagQueries {

  /**
   * Instants travel as integral microseconds since the epoch: exact, and PostgreSQL's precision.
   */
  private static final String MICROS = "cast(extract(epoch from %s) * 1000000 as bigint)";

  private static final String ITEM_COLUMNS =
      "select t.id, a.id, a.title, t.segment_id,"
          + " coalesce(t.start_ms, s.start_ms), coalesce(t.end_ms, s.end_ms),"
          + " s.keyframe_jpeg is not null,"
          + " te.id, te.label, v.id, v.name,"
          + " t.confidence, cast(t.alternatives as text), t.status, t.source, "
          + MICROS.formatted("t.created_at")
          + " from tag t"
          + " left join segment s on s.id = t.segment_id"
          + " join media_asset a on a.id = coalesce(s.asset_id, t.asset_id)"
          + " join term te on te.id = t.term_id"
          + " join vocabulary v on v.id = te.vocabulary_id";

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public List<ReviewItem> pending(ReviewQueueQuery query, int rows) {
    StringBuilder sql =
        new StringBuilder(ITEM_COLUMNS)
            .append(" where t.status = 'pending' and ")
            .append(CurrentTags.condition("t"));
    Map<String, Object> parameters = new HashMap<>();
    if (query.vocabularyId() != null) {
      sql.append(" and v.id = :vocabulary");
      parameters.put("vocabulary", query.vocabularyId());
    }
    if (query.assetId() != null) {
      sql.append(" and a.id = :asset");
      parameters.put("asset", query.assetId());
    }
    if (query.minConfidence() != null) {
      sql.append(" and t.confidence >= cast(:min as real)");
      parameters.put("min", query.minConfidence());
    }
    if (query.maxConfidence() != null) {
      sql.append(" and t.confidence <= cast(:max as real)");
      parameters.put("max", query.maxConfidence());
    }
    ReviewCursor after = query.after();
    if (query.order() == ReviewOrder.OLDEST) {
      if (after != null) {
        sql.append(
            " and (t.created_at, t.id) > (timestamptz 'epoch' + cast(:micros as bigint)"
                + " * interval '1 microsecond', :afterId)");
        parameters.put("micros", after.createdMicros());
        parameters.put("afterId", after.tagId());
      }
      sql.append(" order by t.created_at, t.id");
    } else {
      if (after != null) {
        sql.append(
            " and (coalesce(t.confidence, 0) < cast(:confidence as real)"
                + " or (coalesce(t.confidence, 0) = cast(:confidence as real) and t.id > :afterId))");
        parameters.put("confidence", after.confidence());
        parameters.put("afterId", after.tagId());
      }
      sql.append(" order by coalesce(t.confidence, 0) desc, t.id");
    }
    Query statement = entityManager.createNativeQuery(sql.toString()).setMaxResults(rows);
    parameters.forEach(statement::setParameter);
    return items(rows(statement));
  }

  @Override
  public Optional<ReviewItem> item(TagId id) {
    Query statement =
        entityManager
            .createNativeQuery(ITEM_COLUMNS + " where t.id = :id")
            .setParameter("id", id.value());
    return items(rows(statement)).stream().findFirst();
  }

  @Override
  public Optional<TermRef> term(long termId) {
    return terms(Set.of(termId)).values().stream().findFirst();
  }

  @Override
  public boolean assetExists(AssetId asset) {
    return !entityManager
        .createNativeQuery("select 1 from media_asset where id = :id")
        .setParameter("id", asset.value())
        .getResultList()
        .isEmpty();
  }

  @Override
  public Optional<TagId> automaticTag(long segmentId, long termId, long modelVersionId) {
    List<?> ids =
        entityManager
            .createNativeQuery(
                "select id from tag where source = 'auto' and segment_id = :segment"
                    + " and term_id = :term and model_version_id = :version")
            .setParameter("segment", segmentId)
            .setParameter("term", termId)
            .setParameter("version", modelVersionId)
            .getResultList();
    return ids.stream().map(id -> new TagId(((Number) id).longValue())).findFirst();
  }

  @Override
  public List<TagOccurrence> occurrences(AssetId asset, boolean includePending) {
    Query statement =
        entityManager
            .createNativeQuery(
                "select te.id, te.label, v.id, v.name, t.status, t.segment_id,"
                    + " coalesce(t.start_ms, s.start_ms), coalesce(t.end_ms, s.end_ms),"
                    + " t.confidence"
                    + " from tag t"
                    + " left join segment s on s.id = t.segment_id"
                    + " join term te on te.id = t.term_id"
                    + " join vocabulary v on v.id = te.vocabulary_id"
                    + " where (t.segment_id in (select id from segment where asset_id = :asset)"
                    + " or t.asset_id = :asset)"
                    + " and t.status in (:statuses) and "
                    + CurrentTags.condition("t")
                    + " order by t.id")
            .setParameter("asset", asset.value())
            .setParameter(
                "statuses", includePending ? List.of("accepted", "pending") : List.of("accepted"));
    List<TagOccurrence> occurrences = new ArrayList<>();
    for (Object[] row : rows(statement)) {
      occurrences.add(
          new TagOccurrence(
              term(row, 0),
              TagStatus.valueOf(((String) row[4]).toUpperCase(Locale.ROOT)),
              longOrNull(row[5]),
              range(row[6], row[7]),
              floatOrNull(row[8])));
    }
    return occurrences;
  }

  @Override
  public List<LabelledExample> labelledExamples(
      Long vocabularyId, long afterDecisionId, int limit) {
    // A tag's latest decision counts; an accepted tag whose last word was accept or relabel is a
    // labelled example of its current term.
    String sql =
        "select d.id, a.id, t.segment_id,"
            + " coalesce(t.start_ms, s.start_ms), coalesce(t.end_ms, s.end_ms),"
            + " te.id, te.label, v.id, v.name, d.decision, d.reviewer, "
            + MICROS.formatted("d.decided_at")
            + " from review_decision d"
            + " join tag t on t.id = d.tag_id"
            + " left join segment s on s.id = t.segment_id"
            + " join media_asset a on a.id = coalesce(s.asset_id, t.asset_id)"
            + " join term te on te.id = t.term_id"
            + " join vocabulary v on v.id = te.vocabulary_id"
            + " where d.decision in ('accept', 'relabel') and t.status = 'accepted'"
            + " and d.id > :after"
            + " and not exists (select 1 from review_decision later"
            + " where later.tag_id = d.tag_id and later.id > d.id)"
            + (vocabularyId == null ? "" : " and v.id = :vocabulary")
            + " order by d.id";
    Query statement =
        entityManager
            .createNativeQuery(sql)
            .setParameter("after", afterDecisionId)
            .setMaxResults(limit);
    if (vocabularyId != null) {
      statement.setParameter("vocabulary", vocabularyId);
    }
    List<LabelledExample> examples = new ArrayList<>();
    for (Object[] row : rows(statement)) {
      examples.add(
          new LabelledExample(
              ((Number) row[0]).longValue(),
              ((Number) row[1]).longValue(),
              longOrNull(row[2]),
              range(row[3], row[4]),
              term(row, 5),
              Decision.of((String) row[9]),
              (String) row[10],
              instant(row[11])));
    }
    return examples;
  }

  /** Review items from {@link #ITEM_COLUMNS} rows, runner-up terms resolved in one more query. */
  private List<ReviewItem> items(List<Object[]> rows) {
    List<List<Alternative>> alternatives = new ArrayList<>();
    Set<Long> termIds = new HashSet<>();
    for (Object[] row : rows) {
      List<Alternative> runnersUp = alternatives((String) row[12]);
      runnersUp.forEach(alternative -> termIds.add(alternative.termId()));
      alternatives.add(runnersUp);
    }
    Map<Long, TermRef> terms = terms(termIds);
    List<ReviewItem> items = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      List<RunnerUp> runnersUp = new ArrayList<>();
      for (Alternative alternative : alternatives.get(i)) {
        // A runner-up term deleted since tagging is left out rather than shown without a label.
        TermRef term = terms.get(alternative.termId());
        if (term != null) {
          runnersUp.add(new RunnerUp(term, alternative.confidence()));
        }
      }
      items.add(
          new ReviewItem(
              new TagId(((Number) row[0]).longValue()),
              ((Number) row[1]).longValue(),
              (String) row[2],
              longOrNull(row[3]),
              range(row[4], row[5]),
              Boolean.TRUE.equals(row[6]),
              term(row, 7),
              floatOrNull(row[11]),
              List.copyOf(runnersUp),
              TagStatus.valueOf(((String) row[13]).toUpperCase(Locale.ROOT)),
              TagSource.valueOf(((String) row[14]).toUpperCase(Locale.ROOT)),
              instant(row[15])));
    }
    return items;
  }

  private Map<Long, TermRef> terms(Set<Long> ids) {
    Map<Long, TermRef> terms = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return terms;
    }
    Query statement =
        entityManager
            .createNativeQuery(
                "select te.id, te.label, v.id, v.name from term te"
                    + " join vocabulary v on v.id = te.vocabulary_id where te.id in (:ids)")
            .setParameter("ids", List.copyOf(ids));
    for (Object[] row : rows(statement)) {
      TermRef term = term(row, 0);
      terms.put(term.id(), term);
    }
    return terms;
  }

  private record Alternative(long termId, float confidence) {}

  /** The {@code alternatives} column; the schema guarantees an array, entries are checked here. */
  private static List<Alternative> alternatives(String json) {
    List<Alternative> alternatives = new ArrayList<>();
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonArray array = reader.readArray();
      for (JsonValue value : array) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
          continue;
        }
        JsonObject entry = value.asJsonObject();
        if (entry.get("termId") instanceof jakarta.json.JsonNumber termId
            && entry.get("confidence") instanceof jakarta.json.JsonNumber confidence) {
          alternatives.add(new Alternative(termId.longValue(), (float) confidence.doubleValue()));
        }
      }
    }
    return alternatives;
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query statement) {
    return statement.getResultList();
  }

  private static TermRef term(Object[] row, int from) {
    return new TermRef(
        ((Number) row[from]).longValue(),
        (String) row[from + 1],
        ((Number) row[from + 2]).longValue(),
        (String) row[from + 3]);
  }

  private static TimeRange range(Object start, Object end) {
    return start == null || end == null
        ? null
        : new TimeRange(((Number) start).longValue(), ((Number) end).longValue());
  }

  private static Long longOrNull(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private static Float floatOrNull(Object value) {
    return value == null ? null : ((Number) value).floatValue();
  }

  private static Instant instant(Object micros) {
    long value = ((Number) micros).longValue();
    return Instant.ofEpochSecond(
        Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
  }
}
