/**
 * Review decisions: a reviewer's accept, reject or relabel of a pending tag, kept for the audit and
 * as labelled examples for retraining.
 */
package dev.froster.domain.model.review;
