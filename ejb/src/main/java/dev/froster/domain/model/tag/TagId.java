package dev.froster.domain.model.tag;

/** The database identity of a tag. */
public record TagId(long value) {

  public TagId {
    if (value <= 0) {
      throw new IllegalArgumentException("tag id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "tag " + value;
  }
}
