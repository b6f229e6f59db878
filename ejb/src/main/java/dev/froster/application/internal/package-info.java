/**
 * The EJB implementations of the application services: load aggregates through repositories, call
 * the domain, store, log one line.
 */
package dev.froster.application.internal;
