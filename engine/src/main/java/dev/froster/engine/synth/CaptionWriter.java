package dev.froster.engine.synth;

import java.util.Random;

/**
 * Writes a caption for a {@link StillScene} in one of several templates, as web captions vary: "a
 * small red circle moving left", "a photo of a star rotating clockwise on grass", ... Every
 * template names the shape and, for a motion, the motion's full phrase. Like web captions, most
 * name the subject and leave the background out (three templates in eight name the place): a
 * caption that always names an easy-to-see background lets contrastive training tell images apart
 * by the background alone, and the teacher then never learns the objects.
 */
final class CaptionWriter {
  private CaptionWriter() {}

  /** A caption in a random template. */
  static String caption(StillScene scene, Random random) {
    return caption(scene, random.nextInt(8));
  }

  /** A caption in a random template that names the place. */
  static String captionNamingThePlace(StillScene scene, Random random) {
    return caption(scene, 5 + random.nextInt(3));
  }

  /** Templates 5, 6 and 7 name the place. */
  private static String caption(StillScene scene, int template) {
    Appearance look = scene.appearance();
    String object = look.phrase();
    String shape = look.shape().word();
    String colourShape = look.colour().word() + " " + shape;
    String where = scene.place().locative();
    Motion motion = scene.motion();
    if (motion == null) {
      return switch (template) {
        case 0 -> "a photo of " + article(object);
        case 1 -> article(object);
        case 2 -> article(colourShape);
        case 3 -> "a picture of " + article(shape);
        case 4 -> article(colourShape) + ", " + look.style().word();
        case 5 -> "a photo of " + article(object) + " " + where;
        case 6 -> where + ", " + article(object);
        default -> article(shape) + " " + where;
      };
    }
    String doing = motion.phrase();
    return switch (template) {
      case 0 -> "a photo of " + article(object) + " " + doing;
      case 1 -> article(object) + " " + doing;
      case 2 -> article(shape) + " " + doing;
      case 3 -> article(colourShape) + " " + doing;
      case 4 -> "a picture of " + article(object) + " that is " + doing;
      case 5 -> "a photo of " + article(object) + " " + doing + " " + where;
      case 6 -> where + ", " + article(object) + " " + doing;
      default -> article(shape) + " " + doing + " " + where;
    };
  }

  /** "a" or "an" before {@code phrase}. */
  static String article(String phrase) {
    return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
  }
}
