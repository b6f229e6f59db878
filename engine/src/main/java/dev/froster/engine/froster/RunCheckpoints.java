package dev.froster.engine.froster;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.training.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoints of one training run: folders {@code checkpoints/step-NNNNNNNN} under the run
 * folder, each stamped with the run's configuration (settings, model, vocabulary, data), so that a
 * run only ever resumes from a checkpoint of the very same configuration.
 */
final class RunCheckpoints {

  private static final String CONFIGURATION = "configuration";

  private final Path runDirectory;
  private final JsonObject configuration;

  private RunCheckpoints(Path runDirectory, JsonObject configuration) {
    this.runDirectory = runDirectory;
    this.configuration = configuration;
  }

  /** The checkpoints under {@code runDirectory} of a run with this configuration. */
  static RunCheckpoints of(
      Path runDirectory,
      FrosterSettings settings,
      ClipConfig model,
      PromptEnsemble prompts,
      List<TrainingVideo> videos) {
    JsonObject json = new JsonObject();
    json.add("settings", settings.toJson());
    json.addProperty("model", model.toString());
    JsonArray classes = new JsonArray();
    prompts.classTexts().forEach(classes::add);
    json.add("classes", classes);
    JsonArray data = new JsonArray();
    videos.forEach(v -> data.add(v.file() + "\t" + v.classIndex()));
    json.add("videos", data);
    return new RunCheckpoints(runDirectory, json);
  }

  /** Folder of the checkpoint saved after {@code atStep} steps. */
  Path folder(long atStep) {
    return runDirectory.resolve("checkpoints").resolve(String.format("step-%08d", atStep));
  }

  /**
   * Saves {@code state}, stamped with the configuration, as the checkpoint of {@code atStep}; a
   * checkpoint of that step that already exists is kept (it holds the same state).
   */
  void save(long atStep, TrainingState.Builder state) throws IOException {
    Path target = folder(atStep);
    if (Files.exists(target)) {
      return;
    }
    state.fact(CONFIGURATION, configuration.toString());
    state.save(target);
  }

  /**
   * Reads the checkpoint folder {@code checkpoint} into a sub-manager of {@code manager}.
   *
   * @throws IllegalArgumentException if it was made with other settings, model, vocabulary or data
   *     (naming what differs)
   */
  TrainingState load(Path checkpoint, NDManager manager) throws IOException {
    TrainingState state = TrainingState.load(checkpoint, manager);
    JsonObject saved = JsonParser.parseString(state.fact(CONFIGURATION)).getAsJsonObject();
    if (!saved.equals(configuration)) {
      state.close();
      throw new IllegalArgumentException(
          "checkpoint "
              + checkpoint
              + " belongs to another configuration: "
              + difference(saved, configuration)
              + "; nothing was trained");
    }
    return state;
  }

  private static String difference(JsonObject saved, JsonObject ours) {
    List<String> differing = new ArrayList<>();
    for (String key : ours.keySet()) {
      if (key.equals("settings") && saved.get(key) instanceof JsonObject there) {
        JsonObject here = ours.getAsJsonObject(key);
        for (String setting : here.keySet()) {
          if (!here.get(setting).equals(there.get(setting))) {
            differing.add(
                setting + " " + there.get(setting) + " there, " + here.get(setting) + " here");
          }
        }
      } else if (!ours.get(key).equals(saved.get(key))) {
        differing.add(key + " differ");
      }
    }
    return differing.isEmpty() ? "unknown fields differ" : String.join(", ", differing);
  }
}
