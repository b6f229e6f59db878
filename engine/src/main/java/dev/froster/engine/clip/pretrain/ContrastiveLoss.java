package dev.froster.engine.clip.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * CLIP's symmetric contrastive loss over the image-text logit matrix of a batch: the mean of the
 * cross-entropy of every image over the batch's texts and of every text over the batch's images.
 *
 * <p>CLIP's target for image i is text i. Here the target of image i is spread evenly over every
 * text of the batch whose caption equals caption i (and likewise for texts), because a small
 * synthetic world repeats captions ("a star moving left") and a duplicate would otherwise be pushed
 * away as a negative; with distinct captions this is exactly CLIP's loss. Written by hand with
 * scalars as arrays of the step's manager (see djl-notes.md).
 */
final class ContrastiveLoss {

  private ContrastiveLoss() {}

  /**
   * The loss (a scalar in {@code step}) of logits per image (N, N) given the batch's captions
   * (compared for equality, in batch order).
   */
  static NDArray of(NDArray logitsPerImage, List<?> captions, NDManager step) {
    NDArray targets = targets(captions, step);
    return of(logitsPerImage, targets);
  }

  /**
   * The loss of logits per image (N, N) against targets (N, N), each row a distribution over the
   * texts; targets must be symmetric, so that their transpose is the texts' targets.
   */
  static NDArray of(NDArray logitsPerImage, NDArray targets) {
    long n = logitsPerImage.getShape().get(0);
    NDArray batch = logitsPerImage.getManager().create((float) n);
    NDArray two = logitsPerImage.getManager().create(2f);
    // (N, N) log-probabilities of texts given each image, and of images given each text
    NDArray imageToText = logitsPerImage.logSoftmax(1);
    NDArray textToImage = logitsPerImage.transpose().logSoftmax(1);
    // cross-entropy per row, summed over the batch: () each
    NDArray imageLoss = imageToText.mul(targets).sum().neg();
    NDArray textLoss = textToImage.mul(targets).sum().neg();
    return imageLoss.add(textLoss).div(batch).div(two);
  }

  /** (N, N) row-normalised equality of captions: row i spreads 1 over the copies of caption i. */
  static NDArray targets(List<?> captions, NDManager manager) {
    int n = captions.size();
    float[] values = new float[n * n];
    for (int i = 0; i < n; i++) {
      int copies = 0;
      for (int j = 0; j < n; j++) {
        if (captions.get(i).equals(captions.get(j))) {
          copies++;
        }
      }
      for (int j = 0; j < n; j++) {
        if (captions.get(i).equals(captions.get(j))) {
          values[i * n + j] = 1f / copies;
        }
      }
    }
    return manager.create(values, new ai.djl.ndarray.types.Shape(n, n));
  }
}
