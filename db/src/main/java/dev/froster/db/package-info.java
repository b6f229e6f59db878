/**
 * The database schema of Froster: Flyway migrations under {@code db/migration} and {@link
 * dev.froster.db.SchemaMigrations}, the single entry point that applies them (at application start
 * and in tests).
 */
package dev.froster.db;
