package dev.froster.engine.synth;

import java.util.List;
import java.util.Random;

/**
 * The two visual domains of the cross-domain split: domain "a" (training domain: grass, sand and
 * brick walls, filled objects) and domain "b" (water, snow and night sky, outlined or striped
 * objects). Captioned images use every place and style, as a web-trained CLIP has seen them all.
 */
public enum Domain {
  A("a", List.of(Place.GRASS, Place.SAND, Place.BRICK_WALL), List.of(ObjectStyle.FILLED)),
  B(
      "b",
      List.of(Place.WATER, Place.SNOW, Place.NIGHT_SKY),
      List.of(ObjectStyle.OUTLINED, ObjectStyle.STRIPED));

  private final String label;
  private final List<Place> places;
  private final List<ObjectStyle> styles;

  Domain(String label, List<Place> places, List<ObjectStyle> styles) {
    this.label = label;
    this.places = places;
    this.styles = styles;
  }

  /** The domain's name in {@code videos.tsv}. */
  public String label() {
    return label;
  }

  public List<Place> places() {
    return places;
  }

  public List<ObjectStyle> styles() {
    return styles;
  }

  Place randomPlace(Random random) {
    return places.get(random.nextInt(places.size()));
  }

  ObjectStyle randomStyle(Random random) {
    return styles.get(random.nextInt(styles.size()));
  }
}
