/** JPA (Hibernate) implementations of the domain's repository interfaces. */
package dev.froster.infrastructure.persistence.jpa;
