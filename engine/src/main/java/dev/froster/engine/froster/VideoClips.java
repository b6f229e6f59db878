package dev.froster.engine.froster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.froster.engine.video.ClipPreprocessing;
import dev.froster.engine.video.FrameSampler;
import dev.froster.engine.video.VideoDecodingException;
import dev.froster.engine.video.VideoProbe;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clips as the model sees them (froster-method.md, "Frames"): T frames with a stride from a random
 * start, short side jittered, a random R crop and an optional horizontal flip for training; K clips
 * spread evenly, short side R and a centre crop for testing. Pixels go through CLIP's bicubic
 * resize and normalisation ({@link ClipPreprocessing}).
 *
 * <p>With {@code keepDecoded}, every video is decoded once and its frames kept in memory (small
 * datasets and tests); otherwise only the wanted frames are decoded, on every call.
 */
public final class VideoClips {

  /** The frames of one video as packed RGB, all of the same size. */
  private record Decoded(int width, int height, List<int[]> frames) {}

  private final FrosterSettings settings;
  private final ClipPreprocessing preprocessing;
  private final boolean keepDecoded;
  private final Map<Path, Decoded> decoded = new ConcurrentHashMap<>();

  public VideoClips(FrosterSettings settings, int resolution, boolean keepDecoded) {
    this.settings = settings;
    this.preprocessing = new ClipPreprocessing(resolution);
    this.keepDecoded = keepDecoded;
  }

  /** One augmented training clip (T, 3, R, R) of {@code video}, drawn with {@code random}. */
  public NDArray trainingClip(Path video, Random random, NDManager manager)
      throws VideoDecodingException {
    int frameCount = frameCount(video);
    int span = (settings.frames() - 1) * settings.frameStride() + 1;
    int start = frameCount > span ? random.nextInt(frameCount - span + 1) : 0;
    int[] indices =
        FrameSampler.stridedIndices(frameCount, settings.frames(), start, settings.frameStride());
    Decoded clip = frames(video, indices);
    int resolution = preprocessing.resolution();
    // short side S in [R, R · jitter]; an R crop of the resized frame is a (R / scale) square of
    // the source, resized to R by the same bicubic as testing
    int shortSide = Math.min(clip.width(), clip.height());
    int largestSide = (int) Math.floor(resolution * settings.jitterMaxScale());
    int resized = resolution + random.nextInt(largestSide - resolution + 1);
    int cropSide =
        Math.max(1, Math.min(shortSide, Math.round((float) resolution * shortSide / resized)));
    int left = random.nextInt(clip.width() - cropSide + 1);
    int top = random.nextInt(clip.height() - cropSide + 1);
    boolean flip = settings.horizontalFlip() && random.nextBoolean();
    List<int[]> crops = new ArrayList<>(indices.length);
    for (int[] frame : clip.frames()) {
      crops.add(crop(frame, clip.width(), left, top, cropSide, flip));
    }
    return preprocessing.batchPacked(manager, crops, cropSide, cropSide);
  }

  /** The K test clips (K, T, 3, R, R) of {@code video}: centre crops, starts spread evenly. */
  public NDArray testClips(Path video, NDManager manager) throws VideoDecodingException {
    int frameCount = frameCount(video);
    int span = (settings.frames() - 1) * settings.frameStride() + 1;
    int clips = settings.testClips();
    int[] indices = new int[clips * settings.frames()];
    for (int k = 0; k < clips; k++) {
      int excess = Math.max(0, frameCount - span);
      int start = clips == 1 ? excess / 2 : (int) Math.round((double) excess * k / (clips - 1));
      int[] clip =
          FrameSampler.stridedIndices(frameCount, settings.frames(), start, settings.frameStride());
      System.arraycopy(clip, 0, indices, k * settings.frames(), clip.length);
    }
    Decoded frames = frames(video, indices);
    NDArray batch =
        preprocessing.batchPacked(manager, frames.frames(), frames.width(), frames.height());
    int r = preprocessing.resolution();
    return batch.reshape(new Shape(clips, settings.frames(), 3, r, r));
  }

  private int frameCount(Path video) throws VideoDecodingException {
    Decoded all = keepDecoded ? decoded.get(video) : null;
    if (all != null) {
      return all.frames().size();
    }
    int count = VideoProbe.probe(video).frameCount();
    if (count <= 0) {
      throw new VideoDecodingException(video, "the video declares no frames");
    }
    return count;
  }

  private Decoded frames(Path video, int[] indices) throws VideoDecodingException {
    if (!keepDecoded) {
      return toPacked(FrameSampler.frames(video, indices));
    }
    Decoded all = decoded.get(video);
    if (all == null) {
      int count = frameCount(video);
      all = toPacked(FrameSampler.frames(video, FrameSampler.uniformIndices(count, count)));
      decoded.put(video, all);
    }
    List<int[]> picked = new ArrayList<>(indices.length);
    for (int index : indices) {
      picked.add(all.frames().get(Math.min(index, all.frames().size() - 1)));
    }
    return new Decoded(all.width(), all.height(), picked);
  }

  private static Decoded toPacked(List<BufferedImage> images) {
    BufferedImage first = images.get(0);
    int width = first.getWidth();
    int height = first.getHeight();
    List<int[]> frames = new ArrayList<>(images.size());
    for (BufferedImage image : images) {
      frames.add(image.getRGB(0, 0, width, height, null, 0, width));
    }
    return new Decoded(width, height, frames);
  }

  /** The {@code side}² square at (left, top) of a packed frame, mirrored if {@code flip}. */
  static int[] crop(int[] frame, int width, int left, int top, int side, boolean flip) {
    int[] out = new int[side * side];
    for (int y = 0; y < side; y++) {
      int from = (top + y) * width + left;
      for (int x = 0; x < side; x++) {
        out[y * side + (flip ? side - 1 - x : x)] = frame[from + x];
      }
    }
    return out;
  }
}
