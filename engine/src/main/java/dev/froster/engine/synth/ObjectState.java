package dev.froster.engine.synth;

/**
 * Where an object is at one instant.
 *
 * @param x centre, as a fraction of the frame width (0 left, 1 right)
 * @param y centre, as a fraction of the frame height (0 top, 1 bottom)
 * @param scale multiplier of the object's size radius
 * @param angle rotation in radians, clockwise on screen
 */
public record ObjectState(double x, double y, double scale, double angle) {}
