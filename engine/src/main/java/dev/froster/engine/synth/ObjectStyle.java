package dev.froster.engine.synth;

/** How an object is drawn; styles other than filled appear only in the cross-domain videos. */
public enum ObjectStyle {
  FILLED("filled"),
  OUTLINED("outlined"),
  STRIPED("striped");

  private final String word;

  ObjectStyle(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
