/**
 * The Froster domain: one package per concept, each with its entities, value objects and the
 * repository interface of its aggregate. No SQL and no HTTP here.
 */
package dev.froster.domain.model;
