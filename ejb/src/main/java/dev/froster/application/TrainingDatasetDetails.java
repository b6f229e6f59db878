package dev.froster.application;

import java.time.Instant;

/** A registered training dataset: its folder and what it holds. */
public record TrainingDatasetDetails(
    long id, String name, String path, int classes, int videos, Instant createdAt) {}
