/**
 * The demo that {@code ./froster run} starts with: on a database without an active model version or
 * without vocabularies, the demo model bundle is registered and activated and the demo vocabulary
 * imported, through the same services an admin uses; a new demo bundle is promoted over an earlier
 * demo version. Off unless {@code froster.demo.model} or {@code froster.demo.vocabulary} is set.
 */
package dev.froster.infrastructure.demo;
