/**
 * End-to-end tests: the real EAR in a real Liberty server (Arquillian), the real PostgreSQL with
 * pgvector, exercised over HTTP as the dev users.
 */
package dev.froster.it;
