package dev.froster.engine.clip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared clip-tiny fixture (../shared/fixtures/clip-tiny), skipped where it is absent. */
public final class ClipFixture {

  private ClipFixture() {}

  /** The shared folder from the system property froster.shared.dir. */
  public static Path sharedDir() {
    String property = System.getProperty("froster.shared.dir", "../shared");
    return Path.of(property).toAbsolutePath().normalize();
  }

  /** The clip-tiny folder; the calling test is skipped when it is not there. */
  public static Path clipTiny() {
    Path dir = sharedDir().resolve("fixtures/clip-tiny");
    assumeTrue(
        Files.isRegularFile(dir.resolve("expected.json")),
        sharedDir() + " not present: the clip-tiny conformance fixture is missing");
    return dir;
  }

  /** OpenAI's BPE vocabulary; the calling test is skipped when it is not there. */
  public static Path bpeVocabulary() {
    Path file = sharedDir().resolve("fixtures/clip-bpe/bpe_simple_vocab_16e6.txt.gz");
    assumeTrue(
        Files.isRegularFile(file), sharedDir() + " not present: the BPE vocabulary is missing");
    return file;
  }

  /** The parsed expected.json of clip-tiny. */
  public static JsonObject expected() throws IOException {
    return JsonParser.parseString(Files.readString(clipTiny().resolve("expected.json")))
        .getAsJsonObject();
  }

  /** A nested JSON array of numbers, flattened in row-major order. */
  public static float[] flatten(JsonElement element) {
    java.util.List<Float> values = new java.util.ArrayList<>();
    flattenInto(element, values);
    float[] flat = new float[values.size()];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = values.get(i);
    }
    return flat;
  }

  private static void flattenInto(JsonElement element, java.util.List<Float> values) {
    if (element.isJsonArray()) {
      for (JsonElement child : element.getAsJsonArray()) {
        flattenInto(child, values);
      }
    } else {
      values.add(element.getAsFloat());
    }
  }

  /** The token ids of every tokenizer case, (cases, 77). */
  public static long[][] tokenIds(JsonObject expected) {
    JsonArray cases = expected.getAsJsonArray("tokenizer_cases");
    long[][] ids = new long[cases.size()][];
    for (int i = 0; i < ids.length; i++) {
      JsonArray row = cases.get(i).getAsJsonObject().getAsJsonArray("ids");
      ids[i] = new long[row.size()];
      for (int j = 0; j < row.size(); j++) {
        ids[i][j] = row.get(j).getAsLong();
      }
    }
    return ids;
  }
}
