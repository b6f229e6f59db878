package dev.froster.engine.clip;

/**
 * The integers that fully describe a CLIP model with a ViT image tower, as in OpenAI's {@code
 * build_model}.
 *
 * @param imageResolution side of the square input image in pixels
 * @param patchSize side of a square patch; the image is a grid of (resolution / patch)² patches
 * @param visionWidth token width of the image transformer
 * @param visionLayers number of residual attention blocks of the image transformer
 * @param visionHeads attention heads of the image transformer
 * @param embedDim width of the joint image-text embedding space
 * @param textWidth token width of the text transformer
 * @param textLayers number of residual attention blocks of the text transformer
 * @param textHeads attention heads of the text transformer
 * @param contextLength number of token positions of the text transformer
 * @param vocabSize number of token ids of the text tokenizer
 */
public record ClipConfig(
    int imageResolution,
    int patchSize,
    int visionWidth,
    int visionLayers,
    int visionHeads,
    int embedDim,
    int textWidth,
    int textLayers,
    int textHeads,
    int contextLength,
    int vocabSize) {

  /** OpenAI's rule when a checkpoint does not say: one attention head per 64 channels. */
  public static final int CHANNELS_PER_HEAD = 64;

  /** Validates the integers, so that a model can always be built from a config that exists. */
  public ClipConfig {
    requirePositive("imageResolution", imageResolution);
    requirePositive("patchSize", patchSize);
    requirePositive("visionWidth", visionWidth);
    requirePositive("visionLayers", visionLayers);
    requirePositive("visionHeads", visionHeads);
    requirePositive("embedDim", embedDim);
    requirePositive("textWidth", textWidth);
    requirePositive("textLayers", textLayers);
    requirePositive("textHeads", textHeads);
    requirePositive("contextLength", contextLength);
    requirePositive("vocabSize", vocabSize);
    if (imageResolution % patchSize != 0) {
      throw new IllegalArgumentException(
          "imageResolution " + imageResolution + " is not a multiple of patchSize " + patchSize);
    }
    if (visionWidth % visionHeads != 0) {
      throw new IllegalArgumentException(
          "visionWidth " + visionWidth + " is not divisible by visionHeads " + visionHeads);
    }
    if (textWidth % textHeads != 0) {
      throw new IllegalArgumentException(
          "textWidth " + textWidth + " is not divisible by textHeads " + textHeads);
    }
  }

  /** OpenAI's ViT-B/16: 149,620,737 parameters. */
  public static ClipConfig vitB16() {
    return new ClipConfig(224, 16, 768, 12, 12, 512, 512, 12, 8, 77, 49408);
  }

  /** OpenAI's ViT-B/32. */
  public static ClipConfig vitB32() {
    return new ClipConfig(224, 32, 768, 12, 12, 512, 512, 12, 8, 77, 49408);
  }

  /** OpenAI's ViT-L/14. */
  public static ClipConfig vitL14() {
    return new ClipConfig(224, 14, 1024, 24, 16, 768, 768, 12, 12, 77, 49408);
  }

  /** Heads by OpenAI's rule (width / 64, at least one). */
  public static int headsForWidth(int width) {
    return Math.max(1, width / CHANNELS_PER_HEAD);
  }

  /** Patches along one side of the image. */
  public int grid() {
    return imageResolution / patchSize;
  }

  /** Tokens of the image transformer: one per patch plus the class token. */
  public int visionTokens() {
    return grid() * grid() + 1;
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
