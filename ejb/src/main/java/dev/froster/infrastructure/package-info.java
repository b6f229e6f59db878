/** Technical adapters of the domain: persistence (JPA, Flyway), pgvector queries. */
package dev.froster.infrastructure;
