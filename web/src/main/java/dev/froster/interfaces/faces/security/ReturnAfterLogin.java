package dev.froster.interfaces.faces.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The page a user asked for before being sent to log in, kept in the (new) HTTP session. Only GET
 * requests are remembered: a form post of an expired view cannot be replayed, and its page is
 * opened afresh instead. Only paths of this application are ever returned, so the login page cannot
 * be made to redirect elsewhere.
 */
public final class ReturnAfterLogin {

  static final String ATTRIBUTE = "dev.froster.returnAfterLogin";

  private ReturnAfterLogin() {}

  static void remember(HttpServletRequest request) {
    String target = request.getRequestURI();
    if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
      target += "?" + request.getQueryString();
    }
    request.getSession(true).setAttribute(ATTRIBUTE, target);
  }

  /** Where to go after logging in: the remembered page, else the dashboard. */
  static String takeOrDefault(HttpServletRequest request) {
    String fallback = request.getContextPath() + "/dashboard.xhtml";
    HttpSession session = request.getSession(false);
    if (session == null) {
      return fallback;
    }
    Object target = session.getAttribute(ATTRIBUTE);
    session.removeAttribute(ATTRIBUTE);
    return target instanceof String path && isOwnPage(path, request.getContextPath())
        ? path
        : fallback;
  }

  static boolean isOwnPage(String path, String contextPath) {
    return path.startsWith(contextPath + "/")
        && !path.startsWith("//")
        && !path.contains("\\")
        && !path.startsWith(contextPath + PagesAndApiAuthentication.LOGIN_PAGE);
  }
}
