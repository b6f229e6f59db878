package dev.froster.engine.synth;

/**
 * What one video shows, as far as its class decides: an object's shape and colour, and its motion.
 */
public record Subject(ShapeKind shape, ObjectColour colour, Motion motion) {}
