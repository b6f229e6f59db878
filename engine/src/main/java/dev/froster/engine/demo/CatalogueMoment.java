package dev.froster.engine.demo;

/**
 * One action shot of a demo catalogue video: the ground truth of the search evaluation.
 *
 * @param file the video's file name, relative to the catalogue folder
 * @param startMillis start of the shot, milliseconds from the video's first frame
 * @param endMillis end of the shot (exclusive)
 * @param className the action's label, as in {@code vocabulary.csv}
 */
public record CatalogueMoment(String file, long startMillis, long endMillis, String className) {
  public CatalogueMoment {
    if (file == null || file.isBlank() || className == null || className.isBlank()) {
      throw new IllegalArgumentException("a moment needs a file and a class name");
    }
    if (startMillis < 0 || endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "moment of " + file + " needs 0 <= start < end, got " + startMillis + ".." + endMillis);
    }
  }
}
