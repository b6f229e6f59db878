package dev.froster.engine.bundle;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.froster.engine.clip.ClipConfig;
import java.util.Map;
import java.util.SortedMap;

/**
 * The {@code manifest.json} of a bundle.
 *
 * @param format always {@link #FORMAT}: tells a bundle from other JSON files
 * @param formatVersion layout version, {@link #FORMAT_VERSION}
 * @param architecture the CLIP architecture of the weights
 * @param weights relative path of the safetensors weights (OpenAI parameter names, fp32)
 * @param tokenizer relative path of the tokenizer folder (vocab.json + merges.txt)
 * @param provenance where the weights came from
 * @param metrics training or evaluation figures by name (empty for imported models)
 * @param files SHA-256 (hex) of every file of the bundle but the manifest, by relative path
 */
public record BundleManifest(
    String format,
    int formatVersion,
    ClipConfig architecture,
    String weights,
    String tokenizer,
    Provenance provenance,
    Map<String, Double> metrics,
    SortedMap<String, String> files) {

  /** Value of {@link #format}. */
  public static final String FORMAT = "froster-model-bundle";

  /** The layout version this engine writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final Gson GSON =
      new GsonBuilder()
          .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
          .setPrettyPrinting()
          .disableHtmlEscaping()
          .create();

  /**
   * Where a model version came from.
   *
   * @param source the checkpoint path or parent bundle it was made from
   * @param sourceFormat the checkpoint format (e.g. OPENAI_TORCHSCRIPT) or "bundle"
   * @param sourceSha256 SHA-256 of the source weights file
   * @param createdAt ISO-8601 instant of writing
   * @param createdBy the tool that wrote it (e.g. "froster import-clip")
   */
  public record Provenance(
      String source,
      String sourceFormat,
      String sourceSha256,
      String createdAt,
      String createdBy) {}

  /** The manifest as JSON. */
  public String toJson() {
    return GSON.toJson(this);
  }

  /** Parses a manifest; {@code null} fields stay null (checked by the bundle loader). */
  public static BundleManifest fromJson(String json) throws JsonParseException {
    return GSON.fromJson(json, BundleManifest.class);
  }
}
