/** models.xhtml: the active model version, registering a bundle as a candidate, activation. */
package dev.froster.interfaces.faces.models;
