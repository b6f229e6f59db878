/** Every way into Froster: REST ({@code rest}), Faces pages ({@code faces}). */
package dev.froster.interfaces;
