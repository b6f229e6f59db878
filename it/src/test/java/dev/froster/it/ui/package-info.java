/**
 * Browser tests of the pages in headless Chromium (Selenium WebDriver with Debian's chromium and
 * chromium-driver) against the real server, the real EAR and the real database; their world is
 * written through SQL and the REST API ({@link dev.froster.it.ui.UiWorld}). Every test saves a
 * screenshot under {@code target/screenshots/}.
 */
package dev.froster.it.ui;
