/**
 * The engine's video code behind the domain's {@link
 * dev.froster.domain.model.segment.Segmentation}: {@link
 * dev.froster.infrastructure.video.EngineSegmentation} is the only class of the application that
 * calls it (probe, shots and windows, keyframes).
 */
package dev.froster.infrastructure.video;
