package dev.froster.domain.model.asset;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * What probing an asset's file found, stored as JSON in {@code media_asset.probe}.
 *
 * @param container FFmpeg's container name (e.g. {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param videoCodec video codec, null when the file has no video stream
 * @param audioCodec audio codec, null when there is no audio (or the probe could not name it)
 * @param durationMs duration in milliseconds
 * @param framesPerSecond the video stream's frame rate (0 without video)
 * @param width decoded width in pixels, before display rotation (0 without video)
 * @param height decoded height in pixels, before display rotation (0 without video)
 * @param rotationDegrees clockwise display rotation (0, 90, 180, 270)
 * @param hasVideo whether there is a video stream (audio-only files have none and no segments)
 * @param hasAudio whether there is an audio stream
 * @param variableFrameRate whether the frame rate varies
 * @param shotStartsMs where the shots the segmenter found begin
 */
public record ProbeFacts(
    String container,
    String videoCodec,
    String audioCodec,
    long durationMs,
    double framesPerSecond,
    int width,
    int height,
    int rotationDegrees,
    boolean hasVideo,
    boolean hasAudio,
    boolean variableFrameRate,
    List<Long> shotStartsMs) {

  public ProbeFacts {
    shotStartsMs = shotStartsMs == null ? List.of() : List.copyOf(shotStartsMs);
  }

  public String toJson() {
    JsonObjectBuilder json = Json.createObjectBuilder();
    add(json, "container", container);
    add(json, "videoCodec", videoCodec);
    add(json, "audioCodec", audioCodec);
    json.add("durationMs", durationMs)
        .add("framesPerSecond", framesPerSecond)
        .add("width", width)
        .add("height", height)
        .add("rotationDegrees", rotationDegrees)
        .add("hasVideo", hasVideo)
        .add("hasAudio", hasAudio)
        .add("variableFrameRate", variableFrameRate);
    JsonArrayBuilder shots = Json.createArrayBuilder();
    shotStartsMs.forEach(shots::add);
    return json.add("shotStartsMs", shots).build().toString();
  }

  public static ProbeFacts fromJson(String text) {
    JsonObject json = Json.createReader(new StringReader(text)).readObject();
    return new ProbeFacts(
        json.getString("container", null),
        json.getString("videoCodec", null),
        json.getString("audioCodec", null),
        json.getJsonNumber("durationMs").longValue(),
        json.getJsonNumber("framesPerSecond").doubleValue(),
        json.getInt("width"),
        json.getInt("height"),
        json.getInt("rotationDegrees"),
        json.getBoolean("hasVideo"),
        json.getBoolean("hasAudio"),
        json.getBoolean("variableFrameRate"),
        json.getJsonArray("shotStartsMs").getValuesAs(JsonNumber.class).stream()
            .map(JsonNumber::longValue)
            .toList());
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.add(name, JsonValue.NULL);
    } else {
      json.add(name, value);
    }
  }
}
