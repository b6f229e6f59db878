package dev.froster.engine.synth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute words of the world's captions, grouped in families whose members replace one
 * another ("circle" / "square" / "star"): what a swapped-caption probe swaps to ask whether a
 * teacher sees an attribute in the image or only matches the rest of the caption.
 */
public final class CaptionVocabulary {
  private CaptionVocabulary() {}

  /** Family name (shape, colour, size, motion, place) → its phrases as captions spell them. */
  public static Map<String, List<String>> attributeFamilies() {
    Map<String, List<String>> families = new LinkedHashMap<>();
    families.put("shape", Arrays.stream(ShapeKind.values()).map(ShapeKind::word).toList());
    families.put("colour", Arrays.stream(ObjectColour.values()).map(ObjectColour::word).toList());
    families.put("size", Arrays.stream(ObjectSize.values()).map(ObjectSize::word).toList());
    families.put("motion", Arrays.stream(Motion.values()).map(Motion::phrase).toList());
    families.put("place", Arrays.stream(Place.values()).map(Place::locative).toList());
    return families;
  }
}
