package dev.froster.engine.synth;

/**
 * A captioned still: an object in a place, optionally caught in a motion (null: at rest).
 *
 * @param seed fixes the texture, placement and the moment of the motion shown
 */
public record StillScene(Appearance appearance, Place place, Motion motion, long seed) {}
