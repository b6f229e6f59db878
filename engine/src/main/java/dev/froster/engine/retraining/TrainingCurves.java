package dev.froster.engine.retraining;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's curves as JSON, from the trainer's {@code metrics/steps.csv} (loss, cross-entropy,
 * distillation, learning rate, gradient norm per step) and {@code metrics/epochs.csv} (mean loss
 * and training accuracy per epoch): {@code {"steps": [{...}], "epochs": [{...}]}}, numbers as
 * numbers.
 */
public final class TrainingCurves {

  private TrainingCurves() {}

  /** The curves of the run folder; series whose file is missing are empty. */
  public static JsonObject read(Path runDirectory) throws IOException {
    JsonObject curves = new JsonObject();
    curves.add("steps", series(runDirectory.resolve("metrics").resolve("steps.csv")));
    curves.add("epochs", series(runDirectory.resolve("metrics").resolve("epochs.csv")));
    return curves;
  }

  private static JsonArray series(Path csv) throws IOException {
    JsonArray rows = new JsonArray();
    if (!Files.isRegularFile(csv)) {
      return rows;
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return rows;
    }
    String[] header = lines.get(0).split(",");
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      JsonObject row = new JsonObject();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        try {
          row.addProperty(header[i], Double.parseDouble(cells[i]));
        } catch (NumberFormatException notANumber) {
          row.addProperty(header[i], cells[i]);
        }
      }
      rows.add(row);
    }
    return rows;
  }
}
