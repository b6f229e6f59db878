package dev.froster.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What AutoTagIT needs beside the server: segments with embeddings at chosen directions written
 * straight into the database, the term embeddings the server stored, and an independent oracle of
 * the method's scoring (logit scale × cosine, softmax over the vocabulary, thresholds).
 */
final class TaggingWorld {

  private TaggingWorld() {}

  /** A term's confidence. */
  record Scored(long termId, double confidence) {}

  /** The tag a segment should get: term, status, runner-ups. */
  record Expected(long termId, String status, double confidence, List<Scored> alternatives) {}

  /** A stored tag. */
  record StoredTag(
      long segmentId, long termId, String status, double confidence, String alternatives) {}

  static float[] unit(double[] vector) {
    double norm = 0;
    for (double value : vector) {
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }

  static float[] unitMean(List<float[]> vectors) {
    double[] sum = new double[vectors.get(0).length];
    for (float[] vector : vectors) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += vector[i];
      }
    }
    return unit(sum);
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      normA += (double) a[i] * a[i];
      normB += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(normA * normB);
  }

  /** Softmax of scale × cosine over the terms (ordered by id), best first, ties by lower id. */
  static List<Scored> confidences(float[] segment, Map<Long, float[]> terms, double scale) {
    List<Long> ids = terms.keySet().stream().sorted().toList();
    double[] logits = new double[ids.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      logits[i] = scale * cosine(segment, terms.get(ids.get(i)));
      max = Math.max(max, logits[i]);
    }
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      logits[i] = Math.exp(logits[i] - max);
      sum += logits[i];
    }
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < logits.length; i++) {
      scored.add(new Scored(ids.get(i), logits[i] / sum));
    }
    scored.sort(
        Comparator.comparingDouble(Scored::confidence)
            .reversed()
            .thenComparingLong(Scored::termId));
    return scored;
  }

  /** The expected tag, null when the best confidence is below review. */
  static Expected expected(
      float[] segment, Map<Long, float[]> terms, double scale, double accept, double review) {
    List<Scored> scored = confidences(segment, terms, scale);
    Scored best = scored.get(0);
    String status =
        best.confidence() >= accept ? "accepted" : best.confidence() >= review ? "pending" : null;
    if (status == null) {
      return null;
    }
    return new Expected(
        best.termId(),
        status,
        best.confidence(),
        List.copyOf(scored.subList(1, Math.min(scored.size(), 4))));
  }

  /** An asset in status embedded with one 1 s segment per vector, embedded by the version. */
  static List<Long> addEmbeddedSegments(long modelVersion, List<float[]> vectors)
      throws SQLException {
    String unique = UUID.randomUUID().toString().replace("-", "");
    List<Long> segments = new ArrayList<>();
    try (Connection connection = TestDatabase.connect()) {
      connection.setAutoCommit(false);
      long asset;
      try (PreparedStatement statement =
          connection.prepareStatement(
              "insert into media_asset (source_uri, sha256, title, status)"
                  + " values (?, ?, 'auto-tag-it', 'embedded') returning id")) {
        statement.setString(1, "file:///auto-tag-it/" + unique + ".mp4");
        statement.setString(2, (unique + unique).substring(0, 64));
        asset = EmbeddingWorld.single(statement);
      }
      try (PreparedStatement segment =
              connection.prepareStatement(
                  "insert into segment (asset_id, start_ms, end_ms) values (?, ?, ?) returning id");
          PreparedStatement embedding =
              connection.prepareStatement(
                  "insert into segment_embedding (segment_id, model_version_id, embedding)"
                      + " values (?, ?, cast(? as vector))")) {
        for (int i = 0; i < vectors.size(); i++) {
          segment.setLong(1, asset);
          segment.setLong(2, i * 1000L);
          segment.setLong(3, i * 1000L + 1000);
          long id = EmbeddingWorld.single(segment);
          segments.add(id);
          embedding.setLong(1, id);
          embedding.setLong(2, modelVersion);
          embedding.setString(3, literal(vectors.get(i)));
          embedding.executeUpdate();
        }
      }
      connection.commit();
    }
    return segments;
  }

  /** The stored embeddings of the terms for the version, by term id. */
  static Map<Long, float[]> termEmbeddings(long modelVersion, List<Long> terms)
      throws SQLException {
    Map<Long, float[]> embeddings = new HashMap<>();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select term_id, embedding::text from term_embedding"
                    + " where model_version_id = ? and term_id = any(?)")) {
      statement.setLong(1, modelVersion);
      statement.setArray(2, connection.createArrayOf("bigint", terms.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          embeddings.put(rows.getLong(1), parse(rows.getString(2)));
        }
      }
    }
    return embeddings;
  }

  /** The segment embeddings as the database holds them (what the server scores). */
  static Map<Long, float[]> segmentEmbeddings(long modelVersion, List<Long> segments)
      throws SQLException {
    Map<Long, float[]> embeddings = new HashMap<>();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select segment_id, embedding::text from segment_embedding"
                    + " where model_version_id = ? and segment_id = any(?)")) {
      statement.setLong(1, modelVersion);
      statement.setArray(2, connection.createArrayOf("bigint", segments.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          embeddings.put(rows.getLong(1), parse(rows.getString(2)));
        }
      }
    }
    return embeddings;
  }

  /** Automatic tags of the version naming a term of the vocabulary, by segment then term. */
  static List<StoredTag> tags(long modelVersion, long vocabulary) throws SQLException {
    List<StoredTag> tags = new ArrayList<>();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select g.segment_id, g.term_id, g.status, g.confidence, g.alternatives::text"
                    + " from tag g join term t on t.id = g.term_id"
                    + " where g.source = 'auto' and g.model_version_id = ? and t.vocabulary_id = ?"
                    + " order by g.segment_id, g.term_id")) {
      statement.setLong(1, modelVersion);
      statement.setLong(2, vocabulary);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          tags.add(
              new StoredTag(
                  rows.getLong(1),
                  rows.getLong(2),
                  rows.getString(3),
                  rows.getDouble(4),
                  rows.getString(5)));
        }
      }
    }
    return tags;
  }

  /** The id of the segment's automatic tag of the version (the segment must have exactly one). */
  static long autoTagId(long modelVersion, long segment) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select id from tag where source = 'auto' and model_version_id = ?"
                    + " and segment_id = ?")) {
      statement.setLong(1, modelVersion);
      statement.setLong(2, segment);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new AssertionError("segment " + segment + " has no automatic tag");
        }
        long id = row.getLong(1);
        if (row.next()) {
          throw new AssertionError("segment " + segment + " has more than one automatic tag");
        }
        return id;
      }
    }
  }

  /** Scorings of the vocabulary with the version: total rows and distinct segments. */
  static long[] scorings(long modelVersion, long vocabulary) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*), count(distinct segment_id) from segment_tagging"
                    + " where model_version_id = ? and vocabulary_id = ?")) {
      statement.setLong(1, modelVersion);
      statement.setLong(2, vocabulary);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return new long[] {row.getLong(1), row.getLong(2)};
      }
    }
  }

  static float[] parse(String text) {
    String[] parts = text.substring(1, text.length() - 1).split(",");
    float[] values = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Float.parseFloat(parts[i]);
    }
    return values;
  }

  private static String literal(float[] vector) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < vector.length; i++) {
      text.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return text.append(']').toString();
  }
}
