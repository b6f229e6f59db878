package dev.froster.infrastructure.inference;

/** What the registry needs from a bundle's manifest, without loading its weights. */
public record BundleFacts(int dimension, String weightsSha256) {}
