/**
 * Tags: a vocabulary term attached to a segment (or a whole asset) with a confidence, written by
 * the auto-tag job or by hand, accepted, pending review or rejected; the review decisions change
 * them ({@link dev.froster.domain.model.tag.Tag#accept}, {@code reject}, {@code relabel}), and
 * {@link dev.froster.domain.model.tag.TimeRanges} merges the time ranges of one term on one asset.
 */
package dev.froster.domain.model.tag;
