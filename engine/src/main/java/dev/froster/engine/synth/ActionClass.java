package dev.froster.engine.synth;

/**
 * An action class of a dataset.
 *
 * @param id the class id used in {@code videos.tsv}
 * @param name the class name, e.g. "circle moving left"
 * @param description one sentence that says what happens, e.g. "a round shape slides from the right
 *     of the frame to the left."
 * @param split base (trained on) or novel (zero-shot only)
 */
public record ActionClass(int id, String name, String description, ClassSplit split) {

  /** The text FROSTER encodes for the class: "name: description". */
  public String prompt() {
    return name + ": " + description;
  }
}
