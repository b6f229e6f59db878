package dev.froster.engine.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Throughput of the CLIP towers at ViT-B/16 size with random weights: the same workload as {@code
 * bench/clip/reference.py} (image batch 8 at 224², text batch 16 of 77 tokens, fp32, no gradients).
 * Prints one JSON line; {@code bench/clip/run.sh} puts it beside PyTorch's.
 *
 * <p>Arguments: {@code [imageBatch] [textBatch] [seconds]}.
 */
public final class ClipTowerBenchmark {

  private ClipTowerBenchmark() {}

  public static void main(String[] args) throws IOException {
    int imageBatch = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int textBatch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 30;
    ClipConfig config = ClipConfig.vitB16();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model = new ClipModel(config).initializeRandom(manager);
      NDArray images = manager.randomNormal(new Shape(imageBatch, 3, 224, 224));
      NDArray ids =
          manager
              .randomInteger(1, 49406, new Shape(textBatch, config.contextLength()), DataType.INT64)
              .toType(DataType.INT64, false);
      // an end token at position 20, as the reference does: the tower pools at argmax of the ids
      ids.set(new NDIndex(":, 20"), 49407L);
      double imageRate = throughput(model::encodeImage, images, imageBatch, seconds);
      double textRate = throughput(model::encodeText, ids, textBatch, seconds);
      System.out.println(
          String.format(
              Locale.ROOT,
              "{\"engine\": \"djl %s pytorch %s\", \"image_frames_per_s\": %.3f,"
                  + " \"text_texts_per_s\": %.3f, \"peak_rss_mb\": %d}",
              Engine.getDjlVersion(),
              Engine.getEngine("PyTorch").getVersion(),
              imageRate,
              textRate,
              peakRssMegabytes()));
    }
  }

  /** Items per second over at least {@code seconds} (and two calls), after one warm-up call. */
  private static double throughput(
      Function<NDArray, NDArray> tower, NDArray input, int batch, double seconds) {
    runScoped(tower, input);
    int count = 0;
    long start = System.nanoTime();
    while ((System.nanoTime() - start) / 1e9 < seconds || count < 2) {
      runScoped(tower, input);
      count++;
    }
    return batch * count / ((System.nanoTime() - start) / 1e9);
  }

  /** One call whose intermediate arrays are freed with the step's manager. */
  private static void runScoped(Function<NDArray, NDArray> tower, NDArray input) {
    try (NDManager step = input.getManager().newSubManager()) {
      input.tempAttach(step);
      tower.apply(input).toFloatArray(); // copies the result out, so the work is done
    }
  }

  /** VmHWM: the peak resident set of this process, as the reference's ru_maxrss. */
  private static long peakRssMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }
}
