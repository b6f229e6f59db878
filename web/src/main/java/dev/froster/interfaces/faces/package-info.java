/** Faces backing beans of the archivist and admin pages ({@code src/main/webapp}). */
package dev.froster.interfaces.faces;
