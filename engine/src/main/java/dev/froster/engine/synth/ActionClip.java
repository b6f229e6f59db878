package dev.froster.engine.synth;

/**
 * One video to generate: an object doing a motion in a place. The seed fixes everything random
 * about it (background texture, placement, sensor noise), so the same clip always renders the same
 * frames.
 */
public record ActionClip(Motion motion, Appearance appearance, Place place, long seed) {}
