/**
 * The engine inside the server: {@link dev.froster.infrastructure.inference.EngineVideoEmbedder} is
 * the only class that calls the engine's model and video code; {@link
 * dev.froster.infrastructure.inference.VideoEmbedders} keeps one loaded model per version for the
 * application's lifetime.
 */
package dev.froster.infrastructure.inference;
