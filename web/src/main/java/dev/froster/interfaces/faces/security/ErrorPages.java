package dev.froster.interfaces.faces.security;

import dev.froster.interfaces.rest.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The container's error pages (web.xml): a problem document when the failed request was one of the
 * API's, the static HTML page otherwise. The API's 403 for a user without any Froster role and its
 * unmapped 500s come from here, before or after JAX-RS had a say.
 *
 * <p>The page is copied, not forwarded to: the error dispatch keeps the failed request's method,
 * which need not be one the static-file servlet serves. Like the pages themselves this must not
 * touch the HTTP session (see web.xml).
 */
@WebServlet(ErrorPages.PATH + "/*")
public class ErrorPages extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/errors";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    int code =
        status instanceof Integer given ? given : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (failedUri instanceof String uri
        && PagesAndApiAuthentication.isApi(uri, request.getContextPath())) {
      response.setContentType(Problems.MEDIA_TYPE);
      response.getWriter().write(Problems.ofStatus(code));
      return;
    }
    response.setContentType("text/html");
    try (InputStream page = getServletContext().getResourceAsStream(page(code))) {
      if (page != null) {
        page.transferTo(response.getOutputStream());
      }
    }
  }

  static String page(int status) {
    return status == HttpServletResponse.SC_FORBIDDEN ? "/forbidden.html" : "/error.html";
  }
}
