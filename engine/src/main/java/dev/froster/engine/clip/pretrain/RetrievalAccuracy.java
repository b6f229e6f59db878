package dev.froster.engine.clip.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.video.ClipPreprocessing;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot retrieval among a set of captioned images, as CLIP is judged: an image is right when
 * the caption closest to it (cosine of the embeddings) is its own caption, a caption is right when
 * the closest image carries it. A repeated caption counts as the same caption, so chance is the
 * mean share of the set's captions equal to an item's own.
 *
 * @param imageToText share of images whose nearest caption is theirs
 * @param textToImage share of captions whose nearest image carries them
 * @param chance the expected share of a model that ranks at random
 * @param count images in the set
 */
public record RetrievalAccuracy(double imageToText, double textToImage, double chance, int count) {

  private static final int CHUNK = 128;

  /** Measures {@code model} on {@code stills} (centre view, no augmentation, no gradients). */
  public static RetrievalAccuracy measure(
      ClipModel model, ClipTokenizer tokenizer, List<CaptionedStills.Still> stills, NDManager m) {
    if (stills.isEmpty()) {
      throw new IllegalArgumentException("retrieval needs at least one image");
    }
    int n = stills.size();
    ClipPreprocessing preprocessing = new ClipPreprocessing(model.config().imageResolution());
    int context = model.config().contextLength();
    try (NDManager scope = m.newSubManager()) {
      List<NDArray> imageChunks = new ArrayList<>();
      List<NDArray> textChunks = new ArrayList<>();
      for (int from = 0; from < n; from += CHUNK) {
        List<CaptionedStills.Still> chunk = stills.subList(from, Math.min(n, from + CHUNK));
        List<BufferedImage> images = chunk.stream().map(CaptionedStills.Still::image).toList();
        List<String> captions = chunk.stream().map(CaptionedStills.Still::caption).toList();
        imageChunks.add(ClipModel.normalise(model.encodeImage(preprocessing.batch(scope, images))));
        textChunks.add(
            ClipModel.normalise(
                model.encodeText(
                    scope.create(
                        ClipPretrainer.asLongs(tokenizer.encodeBatch(captions, context))))));
      }
      NDArray imageFeatures = NDArrays.concat(new NDList(imageChunks));
      NDArray textFeatures = NDArrays.concat(new NDList(textChunks));
      // (N, N) cosine of image i and caption j
      NDArray similarity = imageFeatures.matMul(textFeatures.transpose());
      long[] nearestText = similarity.argMax(1).toLongArray();
      long[] nearestImage = similarity.argMax(0).toLongArray();
      int imagesRight = 0;
      int textsRight = 0;
      double chance = 0;
      for (int i = 0; i < n; i++) {
        String caption = stills.get(i).caption();
        imagesRight += caption.equals(stills.get((int) nearestText[i]).caption()) ? 1 : 0;
        textsRight += caption.equals(stills.get((int) nearestImage[i]).caption()) ? 1 : 0;
        chance += stills.stream().filter(s -> s.caption().equals(caption)).count() / (double) n;
      }
      return new RetrievalAccuracy(
          imagesRight / (double) n, textsRight / (double) n, chance / n, n);
    }
  }
}
