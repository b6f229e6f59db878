package dev.froster.engine.synth;

/** What an object looks like, independent of what it does. */
public record Appearance(ShapeKind shape, ObjectColour colour, ObjectSize size, ObjectStyle style) {

  /** E.g. "small red striped star" ("filled" is the unmarked style and is left out). */
  public String phrase() {
    String styleWord = style == ObjectStyle.FILLED ? "" : style.word() + " ";
    return size.word() + " " + colour.word() + " " + styleWord + shape.word();
  }
}
