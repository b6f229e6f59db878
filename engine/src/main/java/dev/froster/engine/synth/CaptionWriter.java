package dev.froster.engine.synth;

import java.util.Random;

/**
 * Writes a caption for a {@link StillScene} in one of several templates, as web captions vary: "a
 * photo of a small red circle moving left on grass", "on snow, a large blue striped star", ...
 * Every template names the shape and, for a motion, the motion's full phrase.
 */
final class CaptionWriter {
  private CaptionWriter() {}

  static String caption(StillScene scene, Random random) {
    Appearance look = scene.appearance();
    String object = look.phrase();
    String where = scene.place().locative();
    Motion motion = scene.motion();
    if (motion == null) {
      return switch (random.nextInt(4)) {
        case 0 -> "a photo of " + article(object) + " " + where;
        case 1 -> article(object) + " " + where;
        case 2 -> where + ", " + article(object);
        default ->
            article(look.colour().word() + " " + look.shape().word())
                + " seen "
                + where
                + ", "
                + look.style().word();
      };
    }
    String doing = motion.phrase();
    return switch (random.nextInt(6)) {
      case 0 -> "a photo of " + article(object) + " " + doing + " " + where;
      case 1 -> article(object) + " " + doing + " " + where;
      case 2 -> where + ", " + article(object) + " " + doing;
      case 3 -> "a picture of " + article(object) + " that is " + doing + " " + where;
      case 4 -> article(object) + " " + doing;
      default -> article(look.shape().word()) + " " + doing + " " + where;
    };
  }

  /** "a" or "an" before {@code phrase}. */
  static String article(String phrase) {
    return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
  }
}
