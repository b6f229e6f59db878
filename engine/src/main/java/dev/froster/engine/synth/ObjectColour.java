package dev.froster.engine.synth;

import java.awt.Color;

/** The named colours objects are painted in. */
public enum ObjectColour {
  RED("red", new Color(220, 40, 40)),
  ORANGE("orange", new Color(245, 140, 20)),
  YELLOW("yellow", new Color(245, 220, 40)),
  GREEN("green", new Color(40, 180, 60)),
  BLUE("blue", new Color(40, 80, 220)),
  PURPLE("purple", new Color(140, 50, 190)),
  PINK("pink", new Color(245, 120, 180));

  private final String word;
  private final Color rgb;

  ObjectColour(String word, Color rgb) {
    this.word = word;
    this.rgb = rgb;
  }

  public String word() {
    return word;
  }

  public Color rgb() {
    return rgb;
  }
}
