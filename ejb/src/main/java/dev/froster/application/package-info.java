/**
 * Use cases of Froster as service interfaces (the way in for REST, Faces and batch); their
 * {@code @Stateless} implementations live in {@code internal}.
 */
package dev.froster.application;
