package dev.froster.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clip-encode and import-clip commands end to end on the clip-tiny fixture. */
class FrosterCliTest {

  private static final float TOLERANCE = 1e-4f;

  @TempDir Path dir;

  @Test
  void clipEncodeOnTheOpenAiArchiveWritesTheReferenceFeatures() throws IOException {
    Path fixture = ClipFixture.clipTiny();
    Path bpe = ClipFixture.bpeVocabulary();
    JsonObject expected = ClipFixture.expected();
    Path input = writeInput(expected);
    Path output = dir.resolve("out.json");

    int status =
        FrosterCli.run(
            "clip-encode",
            "--checkpoint",
            fixture.resolve("openai-jit.pt").toString(),
            "--bpe",
            bpe.toString(),
            "--input",
            input.toString(),
            "--output",
            output.toString());
    assertEquals(0, status);
    assertMatchesReference(expected, output);
  }

  @Test
  void importedBundleEncodesLikeTheHuggingFaceFolderItCameFrom() throws IOException {
    Path fixture = ClipFixture.clipTiny();
    Path bpe = ClipFixture.bpeVocabulary();
    JsonObject expected = ClipFixture.expected();
    Path bundle = dir.resolve("bundle");
    assertEquals(
        0,
        FrosterCli.run(
            "import-clip",
            "--checkpoint",
            fixture.resolve("hf").toString(),
            "--bpe",
            bpe.toString(),
            "--output",
            bundle.toString()));
    assertTrue(ModelBundle.isBundle(bundle));

    Path input = writeInput(expected);
    Path output = dir.resolve("bundle-out.json");
    // the bundle carries its tokenizer: no --bpe
    assertEquals(
        0,
        FrosterCli.run(
            "clip-encode",
            "--checkpoint",
            bundle.toString(),
            "--input",
            input.toString(),
            "--output",
            output.toString()));
    assertMatchesReference(expected, output);
  }

  @Test
  void imageOfTheWrongSizeFailsNamingTheFieldAndWritesNothing() throws IOException {
    Path fixture = ClipFixture.clipTiny();
    Path input = dir.resolve("bad.json");
    Files.writeString(input, "{\"images\": [[[[0.5, 0.5], [0.5, 0.5]]]]}");
    Path output = dir.resolve("never.json");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int status;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status =
          FrosterCli.run(
              "clip-encode",
              "--checkpoint",
              fixture.resolve("openai-jit.pt").toString(),
              "--input",
              input.toString(),
              "--output",
              output.toString());
    } finally {
      System.setErr(original);
    }
    assertEquals(1, status);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("images[0]"), message);
    assertTrue(message.contains(input.toString()), message);
    assertFalse(Files.exists(output));
  }

  @Test
  void textsWithoutATokenizerAskForBpe() throws IOException {
    Path fixture = ClipFixture.clipTiny();
    Path input = dir.resolve("texts.json");
    Files.writeString(input, "{\"texts\": [\"a dog\"]}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int status;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status =
          FrosterCli.run(
              "clip-encode",
              "--checkpoint",
              fixture.resolve("openai-jit.pt").toString(),
              "--input",
              input.toString(),
              "--output",
              dir.resolve("o.json").toString());
    } finally {
      System.setErr(original);
    }
    assertEquals(1, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bpe"), err.toString());
  }

  private Path writeInput(JsonObject expected) throws IOException {
    JsonObject in = new JsonObject();
    JsonArray texts = new JsonArray();
    expected
        .getAsJsonArray("tokenizer_cases")
        .forEach(c -> texts.add(c.getAsJsonObject().get("text").getAsString()));
    in.add("texts", texts);
    in.add("images", expected.get("images"));
    Path input = dir.resolve("in-" + System.nanoTime() + ".json");
    Files.writeString(input, in.toString());
    return input;
  }

  private static void assertMatchesReference(JsonObject expected, Path output) throws IOException {
    JsonObject out = JsonParser.parseString(Files.readString(output)).getAsJsonObject();
    JsonArray cases = expected.getAsJsonArray("tokenizer_cases");
    JsonArray tokens = out.getAsJsonArray("text_tokens");
    assertEquals(cases.size(), tokens.size());
    for (int i = 0; i < cases.size(); i++) {
      assertEquals(
          cases.get(i).getAsJsonObject().get("ids"), tokens.get(i), "token ids of case " + i);
    }
    assertArrayEquals(
        ClipFixture.flatten(expected.get("image_features")),
        ClipFixture.flatten(out.get("image_features")),
        TOLERANCE);
    assertArrayEquals(
        ClipFixture.flatten(expected.get("text_features")),
        ClipFixture.flatten(out.get("text_features")),
        TOLERANCE);
    assertEquals(
        expected.get("logit_scale").getAsFloat(), out.get("logit_scale").getAsFloat(), TOLERANCE);
  }
}
