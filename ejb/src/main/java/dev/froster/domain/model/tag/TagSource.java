package dev.froster.domain.model.tag;

/** Who proposed a tag: the auto-tag job or a person. */
public enum TagSource {
  AUTO,
  MANUAL
}
