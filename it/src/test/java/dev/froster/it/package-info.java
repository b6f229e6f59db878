/**
 * End-to-end tests: the real EAR in a real Liberty server (Arquillian), the real PostgreSQL with
 * pgvector, exercised over HTTP as the dev users; and the same EAR in a second server started by
 * the test itself while its database is unreachable ({@link
 * dev.froster.it.ServerWithoutDatabaseIT}, with {@link dev.froster.it.LibertyServer} and {@link
 * dev.froster.it.TcpForwarder}).
 */
package dev.froster.it;
