package dev.froster.engine.clip.pretrain;

import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.engine.synth.CaptionedImage;
import dev.froster.engine.synth.DatasetFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The captioned still images of a dataset folder ({@code images.tsv}), decoded and held in memory,
 * split into training and held-out images.
 *
 * @param root the dataset folder
 * @param training the images pretraining learns from
 * @param heldOut the images kept aside to measure retrieval
 */
public record CaptionedStills(Path root, List<Still> training, List<Still> heldOut) {

  /**
   * One decoded image and its caption.
   *
   * @param file the PNG file
   * @param image its pixels
   * @param caption its caption
   */
  public record Still(Path file, BufferedImage image, String caption) {}

  public CaptionedStills {
    training = List.copyOf(training);
    heldOut = List.copyOf(heldOut);
  }

  /** Every caption, training images first: the tokenizer's corpus. */
  public List<String> trainingCaptions() {
    return training.stream().map(Still::caption).toList();
  }

  /**
   * Reads the dataset in {@code folder} and decodes every image; {@code heldOutFraction} of them,
   * drawn with {@code seed}, are held out (at least one when there are two or more images and the
   * fraction is positive).
   *
   * @throws DatasetFormatException naming the file when the dataset, its {@code images.tsv} or an
   *     image is missing or unreadable
   */
  public static CaptionedStills read(Path folder, double heldOutFraction, long seed)
      throws IOException {
    if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
      throw new IllegalArgumentException(
          "held-out fraction must lie in [0, 1), was " + heldOutFraction);
    }
    ActionDataset dataset = ActionDatasetReader.read(folder);
    Path index = dataset.root().resolve("images.tsv");
    if (dataset.images().isEmpty()) {
      throw new DatasetFormatException(
          index, 0, "no captioned images: pretraining needs images.tsv with path and caption rows");
    }
    List<Still> stills = new ArrayList<>(dataset.images().size());
    for (CaptionedImage captioned : dataset.images()) {
      stills.add(new Still(captioned.file(), decode(captioned.file()), captioned.caption()));
    }
    List<Still> shuffled = new ArrayList<>(stills);
    Collections.shuffle(shuffled, new Random(seed));
    int heldOut =
        heldOutFraction == 0 || stills.size() < 2
            ? 0
            : Math.max(1, (int) Math.round(stills.size() * heldOutFraction));
    return new CaptionedStills(
        dataset.root(), shuffled.subList(heldOut, shuffled.size()), shuffled.subList(0, heldOut));
  }

  private static BufferedImage decode(Path file) throws DatasetFormatException {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new DatasetFormatException(file, 0, "unreadable image: " + e.getMessage());
    }
    if (image == null) {
      throw new DatasetFormatException(file, 0, "not an image file (PNG expected)");
    }
    return image;
  }
}
