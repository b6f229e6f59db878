package dev.froster.engine.froster;

import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.VideoEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One labelled training video.
 *
 * @param file the video file
 * @param classIndex index of its class in the training vocabulary (not the dataset's class id)
 */
public record TrainingVideo(Path file, int classIndex) {

  /**
   * The videos of {@code entries} labelled by position of their class in {@code vocabulary}.
   *
   * @throws IllegalArgumentException naming the file whose class is not in the vocabulary
   */
  public static List<TrainingVideo> of(List<VideoEntry> entries, List<ActionClass> vocabulary) {
    Map<Integer, Integer> indexById = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      indexById.put(vocabulary.get(i).id(), i);
    }
    List<TrainingVideo> videos = new ArrayList<>(entries.size());
    for (VideoEntry entry : entries) {
      Integer index = indexById.get(entry.classId());
      if (index == null) {
        throw new IllegalArgumentException(
            entry.file() + " has class " + entry.classId() + ", which is not in the vocabulary");
      }
      videos.add(new TrainingVideo(entry.file(), index));
    }
    return videos;
  }
}
