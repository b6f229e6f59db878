/**
 * The database lifecycle inside the server: {@link
 * dev.froster.infrastructure.persistence.DatabaseSchema} migrates and validates at start, and keeps
 * retrying while the database is unreachable.
 */
package dev.froster.infrastructure.persistence;
