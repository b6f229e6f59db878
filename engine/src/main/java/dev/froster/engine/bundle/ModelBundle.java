package dev.froster.engine.bundle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.checkpoint.CheckpointException;
import dev.froster.engine.clip.checkpoint.ClipCheckpoint;
import dev.froster.engine.clip.checkpoint.SafetensorsFile;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One model version on disk, loaded: its manifest, CLIP model and tokenizer.
 *
 * @param directory the bundle folder
 * @param manifest its manifest
 * @param model the model, parameters owned by the manager given to {@link #load}
 * @param tokenizer the text tokenizer of the model
 */
public record ModelBundle(
    Path directory, BundleManifest manifest, ClipModel model, ClipTokenizer tokenizer) {

  /** File name of the manifest. */
  public static final String MANIFEST = "manifest.json";

  /** Relative path of the weights. */
  public static final String WEIGHTS = "weights.safetensors";

  /** Relative path of the tokenizer folder. */
  public static final String TOKENIZER = "tokenizer";

  /** Whether {@code path} looks like a bundle (a folder with a manifest). */
  public static boolean isBundle(Path path) {
    return Files.isRegularFile(path.resolve(MANIFEST));
  }

  /**
   * Writes a bundle of {@code model} and {@code tokenizer} at {@code target} atomically: either the
   * complete bundle is there afterwards or nothing is.
   */
  public static BundleManifest write(
      Path target,
      ClipModel model,
      ClipTokenizer tokenizer,
      BundleManifest.Provenance provenance,
      Map<String, Double> metrics)
      throws IOException {
    BundleManifest.Provenance stamped =
        new BundleManifest.Provenance(
            provenance.source(),
            provenance.sourceFormat(),
            provenance.sourceSha256(),
            provenance.createdAt() != null
                ? provenance.createdAt()
                : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            provenance.createdBy());
    BundleManifest[] written = new BundleManifest[1];
    AtomicDirectory.create(
        target,
        folder -> {
          Map<String, NDArray> weights = new LinkedHashMap<>();
          ClipParameters.byName(model)
              .forEach(
                  (name, parameter) -> {
                    if (!parameter.isInitialized()) {
                      throw new IllegalStateException("parameter " + name + " has no value");
                    }
                    weights.put(name, parameter.getArray());
                  });
          SafetensorsFile.write(folder.resolve(WEIGHTS), weights, Map.of("format", "pt"));
          Path tokenizerFolder = Files.createDirectories(folder.resolve(TOKENIZER));
          tokenizer.writeTo(tokenizerFolder);
          BundleManifest manifest =
              new BundleManifest(
                  BundleManifest.FORMAT,
                  BundleManifest.FORMAT_VERSION,
                  model.config(),
                  WEIGHTS,
                  TOKENIZER,
                  stamped,
                  new TreeMap<>(metrics),
                  checksums(folder));
          Files.writeString(folder.resolve(MANIFEST), manifest.toJson(), StandardCharsets.UTF_8);
          written[0] = manifest;
        });
    return written[0];
  }

  /**
   * Loads the bundle at {@code directory} after checking every file's checksum; the model's
   * parameters belong to {@code manager}.
   */
  public static ModelBundle load(Path directory, NDManager manager) throws IOException {
    BundleManifest manifest = readManifest(directory);
    verifyChecksums(directory, manifest);
    Path weights = directory.resolve(manifest.weights());
    ClipModel model;
    try {
      model = ClipCheckpoint.readWeights(weights, manifest.architecture(), manager);
    } catch (CheckpointException e) {
      throw new BundleException(weights, e.getMessage(), e);
    }
    Path tokenizerFolder = directory.resolve(manifest.tokenizer());
    ClipTokenizer tokenizer;
    try {
      tokenizer = ClipTokenizer.load(tokenizerFolder);
    } catch (IOException | RuntimeException e) {
      throw new BundleException(tokenizerFolder, "unusable tokenizer: " + e.getMessage(), e);
    }
    return new ModelBundle(directory, manifest, model, tokenizer);
  }

  /** Reads and checks the manifest of the bundle at {@code directory}, without the weights. */
  public static BundleManifest readManifest(Path directory) throws BundleException {
    Path file = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new BundleException(file, "missing: not a model bundle");
    }
    BundleManifest manifest;
    try {
      manifest = BundleManifest.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new BundleException(file, "unreadable manifest: " + e.getMessage(), e);
    }
    if (manifest == null || !BundleManifest.FORMAT.equals(manifest.format())) {
      throw new BundleException(
          file, "not a model bundle manifest (format is not " + BundleManifest.FORMAT + ")");
    }
    if (manifest.formatVersion() != BundleManifest.FORMAT_VERSION) {
      throw new BundleException(
          file,
          "bundle format version "
              + manifest.formatVersion()
              + " is not supported (expected "
              + BundleManifest.FORMAT_VERSION
              + ")");
    }
    if (manifest.architecture() == null
        || manifest.weights() == null
        || manifest.tokenizer() == null
        || manifest.files() == null) {
      throw new BundleException(
          file, "incomplete manifest: architecture, weights, tokenizer and files are required");
    }
    if (!manifest.files().containsKey(manifest.weights())) {
      throw new BundleException(file, "no checksum for the weights file " + manifest.weights());
    }
    return manifest;
  }

  private static void verifyChecksums(Path directory, BundleManifest manifest) throws IOException {
    Path root = directory.toAbsolutePath().normalize();
    for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
      Path file = root.resolve(entry.getKey()).normalize();
      if (!file.startsWith(root)) {
        throw new BundleException(file, "lies outside the bundle");
      }
      if (!Files.isRegularFile(file)) {
        throw new BundleException(file, "missing from the bundle");
      }
      String actual = Sha256.of(file);
      if (!actual.equalsIgnoreCase(entry.getValue())) {
        throw new BundleException(
            file, "checksum mismatch: manifest says " + entry.getValue() + ", file has " + actual);
      }
    }
  }

  private static TreeMap<String, String> checksums(Path folder) throws IOException {
    TreeMap<String, String> sums = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        if (!relative.equals(MANIFEST)) {
          sums.put(relative, Sha256.of(file));
        }
      }
    }
    return sums;
  }
}
