package dev.froster.it;

import dev.froster.engine.video.H264Mp4Writer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the embed job needs, made by the test: a tiny random model bundle in the server's models
 * root, real H.264 videos of moving shapes, and assets with their segments written straight into
 * the server's database (as ingest would leave them: status {@code segmented}).
 */
final class EmbeddingWorld {

  /** 2 s windows, 1 s apart: the default segmentation of a clip length of 2 s with 50 % overlap. */
  private static final long WINDOW_MS = 2000;

  private static final long STRIDE_MS = 1000;

  private EmbeddingWorld() {}

  /** An H.264 MP4 of {@code seconds} at 10 fps, 64×48, a square moving over a coloured ground. */
  static Path writeVideo(Path file, int seconds, long seed) throws IOException {
    Random random = new Random(seed);
    Color ground = new Color(random.nextInt(0xffffff));
    Color shape = new Color(random.nextInt(0xffffff));
    try (H264Mp4Writer writer = H264Mp4Writer.open(file, 64, 48, 10, 200_000)) {
      for (int frame = 0; frame < seconds * 10; frame++) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(ground);
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(shape);
        graphics.fillRect(frame % 48, 10 + (frame / 3) % 20, 14, 14);
        graphics.dispose();
        writer.write(image);
      }
      writer.finish();
    }
    return file;
  }

  /** Bytes that no demuxer accepts, under a video's name. */
  static Path writeCorruptVideo(Path file, long seed) throws IOException {
    byte[] noise = new byte[20_000];
    new Random(seed).nextBytes(noise);
    Files.createDirectories(file.getParent());
    return Files.write(file, noise);
  }

  /** An asset of {@code file} in status segmented, with 2 s segments 1 s apart; its id. */
  static long addSegmentedAsset(Path file, int seconds) throws SQLException {
    String unique = UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = TestDatabase.connect()) {
      long asset;
      try (PreparedStatement statement =
          connection.prepareStatement(
              "insert into media_asset (source_uri, sha256, title, status)"
                  + " values (?, ?, 'embed-it', 'segmented') returning id")) {
        statement.setString(1, file.toUri().toString());
        statement.setString(2, (unique + unique).substring(0, 64));
        asset = single(statement);
      }
      try (PreparedStatement statement =
          connection.prepareStatement(
              "insert into segment (asset_id, start_ms, end_ms) values (?, ?, ?)")) {
        for (long start = 0; start + WINDOW_MS <= seconds * 1000L; start += STRIDE_MS) {
          statement.setLong(1, asset);
          statement.setLong(2, start);
          statement.setLong(3, start + WINDOW_MS);
          statement.addBatch();
        }
        statement.executeBatch();
      }
      return asset;
    }
  }

  /** Segments of the assets. */
  static List<Long> segmentsOf(List<Long> assets) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select id from segment where asset_id = any(?) order by id")) {
      statement.setArray(1, connection.createArrayOf("bigint", assets.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  /** The segment ids embedded by the version among the assets' segments, duplicates kept. */
  static List<Long> embeddedSegments(long modelVersion, List<Long> assets) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select e.segment_id from segment_embedding e join segment s on s.id = e.segment_id"
                    + " where e.model_version_id = ? and s.asset_id = any(?) order by e.segment_id")) {
      statement.setLong(1, modelVersion);
      statement.setArray(2, connection.createArrayOf("bigint", assets.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Status and failure reason of an asset. */
  static String[] assetState(long asset) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select status, failure_reason from media_asset where id = ?")) {
      statement.setLong(1, asset);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return new String[] {row.getString(1), row.getString(2)};
      }
    }
  }

  /**
   * Ends every other session on the server's database, as a database restart does: the server's
   * pooled and in-use connections break.
   *
   * @return how many sessions were ended
   */
  static int terminateServerConnections() throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where datname = current_database() and pid <> pg_backend_pid()")) {
      return (int) single(statement);
    }
  }

  static long single(PreparedStatement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
