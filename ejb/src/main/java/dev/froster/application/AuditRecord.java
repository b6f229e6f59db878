package dev.froster.application;

import java.time.Instant;

/** One audit entry as stored: states are JSON text or null. */
public record AuditRecord(
    long id,
    String actor,
    String action,
    String entityType,
    String entityId,
    String beforeJson,
    String afterJson,
    Instant at) {}
