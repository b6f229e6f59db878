/** dashboard.xhtml: catalogue size, embedding coverage, review queue length, the active model. */
package dev.froster.interfaces.faces.dashboard;
