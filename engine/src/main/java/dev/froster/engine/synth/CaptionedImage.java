package dev.froster.engine.synth;

import java.nio.file.Path;

/**
 * A still image with its caption, for contrastive pretraining of the teacher CLIP.
 *
 * @param file the PNG file (resolved against the dataset folder)
 * @param caption e.g. "a photo of a small red circle moving left on grass"
 */
public record CaptionedImage(Path file, String caption) {}
