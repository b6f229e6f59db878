/**
 * Who may use the pages and how they sign in: the authentication mechanism (form login for pages,
 * HTTP Basic for {@code /api/*}, both against the server's user registry), the login page bean, and
 * the signed-in user's menu and logout.
 */
package dev.froster.interfaces.faces.security;
