/**
 * Vocabulary files: {@link dev.froster.infrastructure.vocabulary.VocabularyCsv} (terms as {@code
 * label,description,synonyms} rows, synonyms separated by {@code |}) and {@link
 * dev.froster.infrastructure.vocabulary.VocabularyJson} (a whole vocabulary), both read strictly
 * (the first broken row or field is named and nothing is imported) and written so that reading the
 * export gives the same vocabulary back.
 */
package dev.froster.infrastructure.vocabulary;
