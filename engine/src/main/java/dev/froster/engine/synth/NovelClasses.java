package dev.froster.engine.synth;

import java.util.Locale;

/**
 * What separates the novel classes of a world (the package description has the why).
 *
 * <ul>
 *   <li>{@link #SHAPE_MOTION}: novel classes are shapes doing motions, like the base classes, in
 *       combinations no base class has, plus motions known from captioned stills only. Separating
 *       them needs the motion, which a tiny teacher barely learns from stills: the frozen teacher
 *       is near chance on them, so there is little for distillation to keep. The demo's world.
 *   <li>{@link #COLOUR}: one novel class per colour ("red shape moving"), its videos showing the
 *       novel shape-motion pairs above in that colour. Base videos have random colours, so base
 *       training never needs colour; the teacher names it from single frames. The paper's setting:
 *       novel classes separated by what frozen CLIP sees and the video training set does not
 *       exercise. The base-to-novel benchmark's world.
 * </ul>
 */
public enum NovelClasses {
  SHAPE_MOTION,
  COLOUR;

  /** The word on the command line and in the manifest, e.g. "shape-motion". */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The value named by {@code word}, with a message listing the choices otherwise. */
  public static NovelClasses parse(String word) {
    for (NovelClasses value : values()) {
      if (value.word().equals(word)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "novel classes must be 'shape-motion' or 'colour', got '" + word + "'");
  }
}
