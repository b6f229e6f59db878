package dev.froster.engine.clip.pretrain;

import dev.froster.engine.clip.ClipConfig;

/**
 * The shape of the project's own small CLIP teacher, without its vocabulary size (which the trained
 * tokenizer decides). Heads follow OpenAI's rule of one per 64 channels.
 *
 * @param imageResolution side of the model's input images
 * @param patchSize side of a patch
 * @param visionWidth token width of the image transformer
 * @param visionLayers blocks of the image transformer
 * @param embedDim width of the joint embedding space
 * @param textWidth token width of the text transformer
 * @param textLayers blocks of the text transformer
 * @param contextLength token positions of a caption (start and end tokens included)
 */
public record TinyClipArchitecture(
    int imageResolution,
    int patchSize,
    int visionWidth,
    int visionLayers,
    int embedDim,
    int textWidth,
    int textLayers,
    int contextLength) {

  /**
   * The synthetic world's teacher: 32² images in 16 patches of 8², 128 wide, 4 layers per tower, a
   * 128-d joint space, 32 caption tokens (the longest synthetic caption takes about 20); about 1.7
   * M parameters plus the token table, sized for two CPU cores.
   */
  public static TinyClipArchitecture synthetic() {
    return new TinyClipArchitecture(32, 8, 128, 4, 128, 128, 4, 32);
  }

  /** The architecture of a model whose tokenizer has {@code vocabularySize} ids. */
  public ClipConfig withVocabulary(int vocabularySize) {
    return new ClipConfig(
        imageResolution,
        patchSize,
        visionWidth,
        visionLayers,
        ClipConfig.headsForWidth(visionWidth),
        embedDim,
        textWidth,
        textLayers,
        ClipConfig.headsForWidth(textWidth),
        contextLength,
        vocabularySize);
  }
}
