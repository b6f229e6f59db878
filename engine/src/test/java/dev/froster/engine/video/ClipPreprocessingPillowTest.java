package dev.froster.engine.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CLIP's transform against Pillow's, the library OpenAI's preprocessing runs on: the reference in
 * {@code pillow/expected.json} was made by {@code pillow/make_fixture.py} (Debian's python3-pil).
 * Pillow's 8-bit rounding between passes and Python's half-to-even crop offsets are reproduced, so
 * the values agree to float precision: a wrong filter, support, rounding or crop fails this.
 */
class ClipPreprocessingPillowTest {

  private static final String FOLDER = "/dev/froster/engine/video/pillow/";
  private static final float FLOAT_PRECISION = 1e-5f;

  @ParameterizedTest
  @ValueSource(strings = {"landscape.png", "portrait.png", "square.png"})
  void resizesCropsAndNormalisesAsPillowDoes(String name) throws IOException {
    JsonObject expected = readExpected();
    int resolution = expected.get("resolution").getAsInt();
    float[] pillow = flatten(expected.getAsJsonObject("cases").getAsJsonArray(name));
    BufferedImage image;
    try (InputStream in = getClass().getResourceAsStream(FOLDER + name)) {
      image = ImageIO.read(in);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] ours =
          new ClipPreprocessing(resolution).batch(manager, List.of(image)).toFloatArray();
      assertArrayEquals(pillow, ours, FLOAT_PRECISION, name);
    }
  }

  private static JsonObject readExpected() throws IOException {
    try (InputStream in =
        ClipPreprocessingPillowTest.class.getResourceAsStream(FOLDER + "expected.json")) {
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  /** (3, R, R) nested arrays to one row-major array, as the tensor's layout. */
  private static float[] flatten(JsonArray channels) {
    int size = channels.get(0).getAsJsonArray().size();
    float[] values = new float[3 * size * size];
    int i = 0;
    for (int c = 0; c < 3; c++) {
      for (var row : channels.get(c).getAsJsonArray()) {
        for (var value : row.getAsJsonArray()) {
          values[i++] = value.getAsFloat();
        }
      }
    }
    return values;
  }
}
