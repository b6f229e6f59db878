/**
 * vocabularies.xhtml: vocabularies and their terms (create, edit, remove), thresholds, CSV/JSON
 * import and export, and the preview of the moments a term would tag.
 */
package dev.froster.interfaces.faces.vocabulary;
