/**
 * Video and frame handling for the models. For now only {@link
 * dev.froster.engine.video.ClipPreprocessing}: CLIP's image transform on decoded frames; probing,
 * segmenting and frame sampling (JavaCV/FFmpeg) will live here too.
 */
package dev.froster.engine.video;
