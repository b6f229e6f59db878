package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 5, "a few re-encoded in other containers/codecs": files the test writes through JavaCV's
 * FFmpeg (every container and codec that build can encode here; it has no HEVC encoder) come in
 * through the REST door and reach {@code segmented} with the probe facts they were written with; an
 * audio-only file reaches {@code segmented} too, with {@code hasVideo: false} and no segments.
 */
@ExtendWith(ArquillianExtension.class)
class IngestContainersIT {

  private static final String API = "/froster/api/v1";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");
  private static final Duration PIPELINE_PATIENCE = Duration.ofSeconds(120);

  private static final int WIDTH = 160;
  private static final int HEIGHT = 96;
  private static final int FPS = 25;

  /** 3 s at 25 fps: one shot, so 2 s windows every 1 s make two segments. */
  private static final int FRAMES = 75;

  private static final int SEGMENTS = 2;

  private final Random random = new Random();

  /**
   * What a file is written with and what the probe must say about it.
   *
   * @param container a word of FFmpeg's container name (Matroska and WebM share one demuxer)
   * @param audioCodec null for a file without sound
   */
  private record Encoding(
      String fileName,
      String format,
      int codec,
      String container,
      String videoCodec,
      String audioCodec) {}

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @Test
  void everyContainerAndCodecReachesSegmentedWithItsProbeFacts() throws Exception {
    Path folder =
        Files.createDirectories(
            Path.of(System.getProperty("froster.ingest.root"))
                .resolve("containers-" + UUID.randomUUID()));
    List<Encoding> encodings =
        List.of(
            new Encoding(
                "mpeg4.mkv", "matroska", avcodec.AV_CODEC_ID_MPEG4, "matroska", "mpeg4", null),
            new Encoding("vp9.webm", "webm", avcodec.AV_CODEC_ID_VP9, "webm", "vp9", null),
            new Encoding("vp8-opus.webm", "webm", avcodec.AV_CODEC_ID_VP8, "webm", "vp8", "opus"),
            new Encoding("h264.mov", "mov", avcodec.AV_CODEC_ID_H264, "mov", "h264", null),
            new Encoding("mjpeg.avi", "avi", avcodec.AV_CODEC_ID_MJPEG, "avi", "mjpeg", null),
            new Encoding("h264.ts", "mpegts", avcodec.AV_CODEC_ID_H264, "mpegts", "h264", null),
            new Encoding(
                "mpeg2.ts", "mpegts", avcodec.AV_CODEC_ID_MPEG2VIDEO, "mpegts", "mpeg2video", null),
            new Encoding("h264-aac.mp4", "mp4", avcodec.AV_CODEC_ID_H264, "mp4", "h264", "aac"));

    // All registered first: the pipeline probes and segments them together.
    Map<Encoding, Long> assets = new LinkedHashMap<>();
    for (Encoding encoding : encodings) {
      assets.put(encoding, register(write(folder.resolve(encoding.fileName()), encoding)));
    }
    long audioOnly = register(writeAudioOnly(folder.resolve("voice.m4a")));

    List<Executable> checks = new ArrayList<>();
    for (Map.Entry<Encoding, Long> entry : assets.entrySet()) {
      JsonObject asset = awaitSettled(entry.getValue());
      checks.add(() -> assertProbedAndSegmented(entry.getKey(), asset));
    }
    JsonObject voice = awaitSettled(audioOnly);
    checks.add(
        () -> {
          assertEquals("segmented", voice.getString("status"), voice.toString());
          JsonObject probe = voice.getJsonObject("probe");
          assertFalse(probe.getBoolean("hasVideo"), probe.toString());
          assertTrue(probe.getBoolean("hasAudio"), probe.toString());
          assertEquals("aac", probe.getString("audioCodec"), probe.toString());
          assertTrue(probe.getString("container").contains("m4a"), probe.toString());
          assertTrue(probe.isNull("videoCodec"), probe.toString());
          assertEquals(0, probe.getInt("width"), probe.toString());
          assertEquals(0, probe.getInt("height"), probe.toString());
          assertEquals(2000, probe.getJsonNumber("durationMs").longValue(), 100, probe.toString());
          assertEquals(0, voice.getJsonArray("segments").size(), voice.toString());
        });
    assertAll(checks);
  }

  private static void assertProbedAndSegmented(Encoding encoding, JsonObject asset) {
    String what = encoding.fileName() + ": " + asset;
    assertEquals("segmented", asset.getString("status"), what);
    JsonObject probe = asset.getJsonObject("probe");
    assertTrue(probe.getString("container").contains(encoding.container()), what);
    assertEquals(encoding.videoCodec(), probe.getString("videoCodec"), what);
    assertEquals(WIDTH, probe.getInt("width"), what);
    assertEquals(HEIGHT, probe.getInt("height"), what);
    assertEquals(FPS, probe.getJsonNumber("framesPerSecond").doubleValue(), 0.01, what);
    assertTrue(probe.getBoolean("hasVideo"), what);
    assertEquals(encoding.audioCodec() != null, probe.getBoolean("hasAudio"), what);
    if (encoding.audioCodec() != null) {
      assertEquals(encoding.audioCodec(), probe.getString("audioCodec"), what);
      // the audio encoder's padding may make the file a little longer than its picture
      assertTrue(probe.getJsonNumber("durationMs").longValue() >= 2900, what);
    } else {
      assertEquals(3000, probe.getJsonNumber("durationMs").longValue(), 100, what);
    }
    assertEquals(1, probe.getJsonArray("shotStartsMs").size(), what);
    List<JsonObject> segments = asset.getJsonArray("segments").getValuesAs(JsonObject.class);
    assertEquals(SEGMENTS, segments.size(), what);
    assertEquals(0, segments.get(0).getJsonNumber("startMs").longValue(), what);
    assertEquals(3000, segments.get(SEGMENTS - 1).getJsonNumber("endMs").longValue(), 41, what);
  }

  // --- the REST door -------------------------------------------------------------------------

  private static long register(Path file) throws Exception {
    HttpResponse<String> registered =
        ADMIN.post(API + "/assets", "{\"uri\": \"" + file.toUri() + "\"}");
    assertEquals(202, registered.statusCode(), file + ": " + registered.body());
    return json(registered).asJsonObject().getJsonNumber("id").longValue();
  }

  /** Polls the asset until the pipeline has segmented it or given up on it. */
  private static JsonObject awaitSettled(long id) throws Exception {
    JsonObject asset = null;
    for (long end = System.nanoTime() + PIPELINE_PATIENCE.toNanos(); System.nanoTime() < end; ) {
      HttpResponse<String> response = ARCHIVIST.get(API + "/assets/" + id);
      assertEquals(200, response.statusCode(), response.body());
      asset = json(response).asJsonObject();
      if (!asset.getString("status").equals("registered")) {
        return asset;
      }
      Thread.sleep(300);
    }
    throw new AssertionError(
        "asset " + id + " still registered after " + PIPELINE_PATIENCE + ": " + asset);
  }

  // --- files, written through JavaCV's FFmpeg (as the engine's TestVideos does) ----------------

  /**
   * One blue shot with a white square moving 2 px a frame; a corner in a colour of this run makes
   * the file's SHA-256 unique, so earlier runs' assets never count as duplicates.
   */
  private Path write(Path target, Encoding encoding) throws Exception {
    Color signature = new Color(random.nextInt(1 << 24));
    boolean audio = encoding.audioCodec() != null;
    Java2DFrameConverter converter = new Java2DFrameConverter();
    try (FFmpegFrameRecorder recorder =
        new FFmpegFrameRecorder(target.toFile(), WIDTH, HEIGHT, audio ? 1 : 0)) {
      recorder.setFormat(encoding.format());
      recorder.setVideoCodec(encoding.codec());
      // MJPEG takes full-range YUV only
      recorder.setPixelFormat(
          encoding.codec() == avcodec.AV_CODEC_ID_MJPEG
              ? avutil.AV_PIX_FMT_YUVJ420P
              : avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(FPS);
      recorder.setGopSize(FPS);
      recorder.setVideoBitrate(600_000);
      if (audio) {
        recorder.setAudioCodec(
            encoding.audioCodec().equals("opus")
                ? avcodec.AV_CODEC_ID_OPUS
                : avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(48_000);
      }
      recorder.start();
      int samplesPerFrame = 48_000 / FPS;
      for (int i = 0; i < FRAMES; i++) {
        recorder.record(converter.convert(scene(i, signature)));
        if (audio) {
          recorder.recordSamples(
              48_000, 1, ShortBuffer.wrap(tone(i * samplesPerFrame, samplesPerFrame, 48_000)));
        }
      }
      recorder.stop();
    }
    return target;
  }

  /** Two seconds of a 440 Hz tone with a little noise of this run, AAC in an MP4 ({@code .m4a}). */
  private Path writeAudioOnly(Path target) throws Exception {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), 1)) {
      recorder.setFormat("mp4");
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      recorder.setSampleRate(44_100);
      recorder.start();
      short[] samples = tone(0, 2 * 44_100, 44_100);
      for (int s = 0; s < samples.length; s++) {
        samples[s] += (short) (random.nextInt(64) - 32);
      }
      recorder.recordSamples(44_100, 1, ShortBuffer.wrap(samples));
      recorder.stop();
    }
    return target;
  }

  private static short[] tone(int first, int count, int rate) {
    short[] samples = new short[count];
    for (int s = 0; s < count; s++) {
      samples[s] = (short) (6000 * Math.sin((first + s) * 2 * Math.PI * 440 / rate));
    }
    return samples;
  }

  private static BufferedImage scene(int frame, Color signature) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(20, 90, 160));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.WHITE);
    int side = HEIGHT / 5;
    g.fillRect((2 * frame) % (WIDTH - side), HEIGHT / 3, side, side);
    g.setColor(signature);
    g.fillRect(0, 0, 8, 8);
    g.dispose();
    return image;
  }
}
