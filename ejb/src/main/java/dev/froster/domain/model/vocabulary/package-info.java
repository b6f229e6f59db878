/**
 * Vocabularies of the broadcasters: {@link dev.froster.domain.model.vocabulary.Vocabulary} with its
 * {@link dev.froster.domain.model.vocabulary.Term}s (label, description, synonyms), its {@link
 * dev.froster.domain.model.vocabulary.Thresholds} for automatic tagging, the drafts that imports
 * and edits are made of, and {@link dev.froster.domain.model.vocabulary.TagRouting}: how a
 * segment's cosine similarities to the terms become a confidence and an accepted, pending or no
 * tag.
 */
package dev.froster.domain.model.vocabulary;
