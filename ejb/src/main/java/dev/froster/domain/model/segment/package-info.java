/** Segments: a time range of a media asset, the unit that is embedded, searched and tagged. */
package dev.froster.domain.model.segment;
