/**
 * Segments: a time range of a media asset with a JPEG keyframe, the unit that is embedded, searched
 * and tagged; {@link dev.froster.domain.model.segment.Segmentation} cuts a file into them (shots,
 * then windows within shots, half-overlapping).
 */
package dev.froster.domain.model.segment;
