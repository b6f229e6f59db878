package dev.froster.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * What a training run needs, made by the test: a small ActionDataset folder under the server's
 * ingest root (real H.264 videos of moving squares, four classes: two base, two novel) and a file
 * that is not a CLIP checkpoint in the models root.
 */
final class TrainingWorld {

  private TrainingWorld() {}

  /** The server's ingest root (it/pom.xml). */
  static Path ingestRoot() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("froster.ingest.root")));
  }

  /**
   * A dataset of four classes with three videos each: base classes two for training and one held
   * out, novel classes three held out.
   */
  static Path writeDataset(String name) throws IOException {
    Path folder = Files.createDirectories(ingestRoot().resolve("training").resolve(name));
    String[][] classes = {
      {"0", "square drifting", "a square drifts across the frame.", "base"},
      {"1", "square waiting", "a square stays where it is.", "base"},
      {"2", "square climbing", "a square moves up the frame.", "novel"},
      {"3", "square falling", "a square drops down the frame.", "novel"}
    };
    StringBuilder classFile = new StringBuilder("id\tname\tdescription\tsplit\n");
    StringBuilder videoFile = new StringBuilder("path\tclass_id\tsubset\n");
    long seed = 1;
    for (String[] c : classes) {
      classFile.append(String.join("\t", c)).append('\n');
      for (int v = 0; v < 3; v++) {
        String video = "c" + c[0] + "-v" + v + ".mp4";
        EmbeddingWorld.writeVideo(folder.resolve(video), 3, seed++);
        String subset = c[3].equals("base") && v < 2 ? "train" : "test";
        videoFile.append(video).append('\t').append(c[0]).append('\t').append(subset).append('\n');
      }
    }
    Files.writeString(folder.resolve("classes.tsv"), classFile);
    Files.writeString(folder.resolve("videos.tsv"), videoFile);
    return folder;
  }

  /** A dataset whose second class has no video. */
  static Path writeDatasetWithAnEmptyClass(String name) throws IOException {
    Path folder = Files.createDirectories(ingestRoot().resolve("training").resolve(name));
    EmbeddingWorld.writeVideo(folder.resolve("only.mp4"), 3, 99);
    Files.writeString(
        folder.resolve("classes.tsv"),
        "id\tname\tdescription\tsplit\n0\tsquare drifting\tit drifts.\tbase\n"
            + "1\tsquare spinning\tit spins.\tnovel\n");
    Files.writeString(folder.resolve("videos.tsv"), "path\tclass_id\nonly.mp4\t0\n");
    return folder;
  }

  /** Random bytes named like an OpenAI checkpoint, under the models root. */
  static Path writeNotAClipCheckpoint(String name) throws IOException {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    return Files.write(TinyBundles.modelsRoot().resolve(name + ".pt"), noise);
  }
}
