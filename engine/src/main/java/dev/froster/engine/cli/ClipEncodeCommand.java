package dev.froster.engine.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster clip-encode --checkpoint PATH [--bpe VOCAB] --input IN.json --output OUT.json}.
 *
 * <p>IN.json: optional {@code texts} (strings) and {@code images} (N×3×R×R numbers, already
 * normalised). OUT.json: {@code text_tokens} (N×contextLength ids), {@code text_features} and
 * {@code image_features} (before L2 normalisation, fp32) and {@code logit_scale} (the log value).
 * This layout is a contract other tools rely on.
 */
@Command(
    name = "clip-encode",
    mixinStandardHelpOptions = true,
    description = "Encode texts and normalised images with a CLIP model into JSON features.")
final class ClipEncodeCommand implements Callable<Integer> {

  @Option(
      names = "--checkpoint",
      required = true,
      description =
          "A model bundle, an OpenAI .pt archive, a Hugging Face folder or a .safetensors file.")
  Path checkpoint;

  @Option(
      names = "--bpe",
      description =
          "Tokenizer vocabulary: OpenAI's bpe_simple_vocab_16e6.txt.gz or a folder with vocab.json + merges.txt.")
  Path bpe;

  @Option(names = "--input", required = true, description = "IN.json with texts and/or images.")
  Path input;

  @Option(names = "--output", required = true, description = "OUT.json to write.")
  Path output;

  @Override
  public Integer call() throws IOException {
    EncodeRequest request = EncodeRequest.read(input);
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelSource source = ModelSource.open(checkpoint, bpe, manager);
      ClipModel model = source.model();
      ClipConfig config = model.config();
      JsonObject result = new JsonObject();

      int[][] tokens = new int[0][];
      if (!request.texts().isEmpty()) {
        ClipTokenizer tokenizer =
            source
                .tokenizer()
                .orElseThrow(
                    () ->
                        new IOException(
                            input
                                + ": texts given but "
                                + checkpoint
                                + " has no tokenizer files: pass --bpe"));
        tokens = tokenizer.encodeBatch(request.texts(), config.contextLength());
      }
      result.add("text_tokens", matrix(tokens));
      result.add("text_features", encodeTexts(model, manager, tokens));
      result.add("image_features", encodeImages(model, manager, request, config));
      result.addProperty("logit_scale", model.logitScale().getArray().getFloat());
      writeAtomically(output, result.toString());
    }
    return 0;
  }

  private static JsonArray encodeTexts(ClipModel model, NDManager parent, int[][] tokens) {
    if (tokens.length == 0) {
      return new JsonArray();
    }
    try (NDManager manager = parent.newSubManager()) {
      return rows(model.encodeText(manager.create(tokens)));
    }
  }

  private JsonArray encodeImages(
      ClipModel model, NDManager parent, EncodeRequest request, ClipConfig config)
      throws IOException {
    if (request.imageCount() == 0) {
      return new JsonArray();
    }
    int resolution = config.imageResolution();
    float[] pixels = request.imagePixels(input, resolution);
    try (NDManager manager = parent.newSubManager()) {
      NDArray images =
          manager.create(pixels, new Shape(request.imageCount(), 3, resolution, resolution));
      return rows(model.encodeImage(images));
    }
  }

  private static JsonArray rows(NDArray features) {
    long columns = features.getShape().get(1);
    float[] values = features.toFloatArray();
    JsonArray rows = new JsonArray();
    for (int row = 0; row * columns < values.length; row++) {
      JsonArray line = new JsonArray();
      for (int column = 0; column < columns; column++) {
        line.add(values[(int) (row * columns + column)]);
      }
      rows.add(line);
    }
    return rows;
  }

  private static JsonArray matrix(int[][] values) {
    JsonArray rows = new JsonArray();
    for (int[] row : values) {
      JsonArray line = new JsonArray();
      for (int value : row) {
        line.add(value);
      }
      rows.add(line);
    }
    return rows;
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path partial =
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
    try {
      Files.writeString(partial, content, StandardCharsets.UTF_8);
      Files.move(
          partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The parsed IN.json: texts, and images still as JSON until the resolution is known. */
  record EncodeRequest(List<String> texts, JsonArray images) {

    int imageCount() {
      return images.size();
    }

    static EncodeRequest read(Path file) throws IOException {
      JsonObject root;
      try {
        root =
            JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                .getAsJsonObject();
      } catch (JsonParseException | IllegalStateException e) {
        throw new IOException(file + ": not a JSON object: " + e.getMessage(), e);
      }
      List<String> texts = new ArrayList<>();
      JsonElement textsElement = root.get("texts");
      if (textsElement != null && !textsElement.isJsonNull()) {
        if (!textsElement.isJsonArray()) {
          throw new IOException(file + ": texts must be an array of strings");
        }
        JsonArray array = textsElement.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
          JsonElement text = array.get(i);
          if (!text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
            throw new IOException(file + ": texts[" + i + "] is not a string");
          }
          texts.add(text.getAsString());
        }
      }
      JsonElement imagesElement = root.get("images");
      JsonArray images = new JsonArray();
      if (imagesElement != null && !imagesElement.isJsonNull()) {
        if (!imagesElement.isJsonArray()) {
          throw new IOException(file + ": images must be an array of 3xRxR arrays");
        }
        images = imagesElement.getAsJsonArray();
      }
      return new EncodeRequest(texts, images);
    }

    /** The images flattened (N·3·R·R), each checked to be 3×R×R of finite numbers. */
    float[] imagePixels(Path file, int resolution) throws IOException {
      int plane = resolution * resolution;
      float[] pixels = new float[images.size() * 3 * plane];
      int at = 0;
      for (int i = 0; i < images.size(); i++) {
        JsonArray channels = array(file, images.get(i), "images[" + i + "]", 3);
        for (int c = 0; c < 3; c++) {
          String channelName = "images[" + i + "][" + c + "]";
          JsonArray rows = array(file, channels.get(c), channelName, resolution);
          for (int y = 0; y < resolution; y++) {
            String rowName = channelName + "[" + y + "]";
            JsonArray row = array(file, rows.get(y), rowName, resolution);
            for (int x = 0; x < resolution; x++) {
              JsonElement value = row.get(x);
              float number;
              try {
                number = value.getAsFloat();
              } catch (RuntimeException e) {
                throw new IOException(file + ": " + rowName + "[" + x + "] is not a number", e);
              }
              if (!Float.isFinite(number)) {
                throw new IOException(file + ": " + rowName + "[" + x + "] is not finite");
              }
              pixels[at++] = number;
            }
          }
        }
      }
      return pixels;
    }

    private static JsonArray array(Path file, JsonElement element, String name, int length)
        throws IOException {
      if (!element.isJsonArray() || element.getAsJsonArray().size() != length) {
        throw new IOException(
            file
                + ": "
                + name
                + " must be an array of "
                + length
                + " (the model takes 3x"
                + "RxR images; see its resolution)");
      }
      return element.getAsJsonArray();
    }
  }
}
