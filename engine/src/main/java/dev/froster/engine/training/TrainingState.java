package dev.froster.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.froster.engine.bundle.AtomicDirectory;
import dev.froster.engine.clip.checkpoint.CheckpointException;
import dev.froster.engine.clip.checkpoint.SafetensorsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a training loop needs to continue exactly where it stopped: named arrays (weights,
 * optimiser moments, averaged weights) and named facts (step, epoch, data position, seed, the
 * configuration it was started with).
 *
 * <p>On disk a state is a folder, written atomically: {@code state.json} (the facts) and {@code
 * arrays.safetensors} (the arrays, fp32 as they are). A state that was read owns its arrays in its
 * own manager; close it when done.
 */
public final class TrainingState implements AutoCloseable {

  /** Facts file inside a state folder. */
  public static final String FACTS_FILE = "state.json";

  /** Arrays file inside a state folder. */
  public static final String ARRAYS_FILE = "arrays.safetensors";

  private final Map<String, String> facts;
  private final Map<String, NDArray> arrays;
  private final NDManager owner;

  private TrainingState(Map<String, String> facts, Map<String, NDArray> arrays, NDManager owner) {
    this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    this.owner = owner;
  }

  /** A state being assembled for saving; its arrays stay owned by their callers. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects facts and arrays for {@link #save}. */
  public static final class Builder {
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    private Builder() {}

    public Builder fact(String name, String value) {
      facts.put(name, value);
      return this;
    }

    public Builder array(String name, NDArray array) {
      if (arrays.putIfAbsent(name, array) != null) {
        throw new IllegalArgumentException("array " + name + " added twice to a training state");
      }
      return this;
    }

    /** Writes the state into the folder {@code target}, which must not exist yet. */
    public void save(Path target) throws IOException {
      JsonObject json = new JsonObject();
      facts.forEach(json::addProperty);
      AtomicDirectory.create(
          target,
          folder -> {
            Files.writeString(
                folder.resolve(FACTS_FILE),
                new GsonBuilder().setPrettyPrinting().create().toJson(json),
                StandardCharsets.UTF_8);
            SafetensorsFile.write(folder.resolve(ARRAYS_FILE), arrays, Map.of());
          });
    }
  }

  /**
   * Reads the state folder {@code folder}; its arrays go to a sub-manager of {@code manager}.
   *
   * @throws IOException naming the folder and file if it is missing or damaged
   */
  public static TrainingState load(Path folder, NDManager manager) throws IOException {
    Path factsFile = folder.resolve(FACTS_FILE);
    if (!Files.isRegularFile(factsFile)) {
      throw new IOException("not a training state: " + factsFile + " is missing");
    }
    Map<String, String> facts = new LinkedHashMap<>();
    try {
      JsonObject json =
          JsonParser.parseString(Files.readString(factsFile, StandardCharsets.UTF_8))
              .getAsJsonObject();
      for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
        facts.put(entry.getKey(), entry.getValue().getAsString());
      }
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      throw new IOException(factsFile + " is not a JSON object of strings: " + e.getMessage(), e);
    }
    NDManager owner = manager.newSubManager();
    try {
      Map<String, NDArray> arrays = SafetensorsFile.readAll(folder.resolve(ARRAYS_FILE), owner);
      return new TrainingState(facts, arrays, owner);
    } catch (CheckpointException e) {
      owner.close();
      throw new IOException(e.getMessage(), e);
    }
  }

  public Map<String, String> facts() {
    return facts;
  }

  /** The fact {@code name}; an error naming it if the state lacks it. */
  public String fact(String name) {
    String value = facts.get(name);
    if (value == null) {
      throw new IllegalStateException("training state has no fact '" + name + "'");
    }
    return value;
  }

  public Map<String, NDArray> arrays() {
    return arrays;
  }

  /** The array {@code name}; an error naming it if the state lacks it. */
  public NDArray array(String name) {
    NDArray array = arrays.get(name);
    if (array == null) {
      throw new IllegalStateException("training state has no array '" + name + "'");
    }
    return array;
  }

  @Override
  public void close() {
    if (owner != null) {
      owner.close();
    }
  }
}
