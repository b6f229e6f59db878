/**
 * MicroProfile Health checks ({@code /health/ready}): the database (migrated, reachable, pgvector
 * version) and the DJL PyTorch engine.
 */
package dev.froster.infrastructure.health;
