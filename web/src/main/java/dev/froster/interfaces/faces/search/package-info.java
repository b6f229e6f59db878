/**
 * search.xhtml: free-text search over the catalogue's moments, "more like this", the segment
 * player.
 */
package dev.froster.interfaces.faces.search;
