/**
 * Cutting a video into the moments the catalogue indexes: shots found by a frame-difference
 * detector ({@code ShotDetector}), fixed overlapping windows inside each shot ({@code
 * SegmentWindows}), and a JPEG keyframe per window turned upright for display ({@code
 * KeyframeEncoder}), all in one decoding pass ({@link
 * dev.froster.engine.video.segment.VideoSegmenter}) driven by {@link
 * dev.froster.engine.video.segment.SegmentationSettings}.
 */
package dev.froster.engine.video.segment;
