/**
 * The audit trail: who changed what, when, with the state before and after. Every change of
 * vocabularies, review decisions and model versions records one entry in the transaction that makes
 * the change, so an entry exists exactly when the change does.
 */
package dev.froster.domain.model.audit;
