package dev.froster.interfaces.faces.security;

import dev.froster.interfaces.faces.security.UserRegistryLogin.RegistryUser;
import dev.froster.interfaces.rest.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One authentication mechanism for the whole web module, because Jakarta Security allows one:
 *
 * <ul>
 *   <li>{@code /api/*} keeps HTTP Basic (scripts and the REST clients send the header on every
 *       request; without it, or with a wrong password, a protected resource answers 401 with {@code
 *       WWW-Authenticate} and a problem document, like the API's other errors);
 *   <li>pages use form login: an unauthenticated GET of a protected page is remembered ({@link
 *       ReturnAfterLogin}) and redirected to {@code login.xhtml}; after a successful login the
 *       browser goes back to it, query string included, so a typed search survives an expired
 *       session. (Done here rather than with {@code @LoginToContinue}, whose Liberty implementation
 *       also redirects the REST API's Basic requests.)
 * </ul>
 *
 * Both check the password against the server's user registry ({@link UserRegistryLogin}); the
 * container then takes the user's groups from that registry and maps them to roles through the
 * application's bindings. {@link AutoApplySession} keeps a page login for the HTTP session.
 */
@ApplicationScoped
@AutoApplySession
public class PagesAndApiAuthentication implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(PagesAndApiAuthentication.class.getName());
  private static final String BASIC = "Basic ";
  static final String REALM = "froster";
  static final String LOGIN_PAGE = "/login.xhtml";

  @Inject UserRegistryLogin registry;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (isApi(request)) {
      return basic(request, response, context);
    }
    Credential given = context.getAuthParameters().getCredential();
    if (given instanceof UsernamePasswordCredential form) {
      Optional<RegistryUser> user = registry.check(form.getCaller(), form.getPassword().getValue());
      if (user.isPresent()) {
        LOG.fine(() -> "page login of " + form.getCaller());
        return signIn(context, user.get());
      }
      return context.responseUnauthorized();
    }
    if (context.isProtected()) {
      ReturnAfterLogin.remember(request);
      return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }
    return context.doNothing();
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      String[] userAndPassword = decode(header.substring(BASIC.length()).trim());
      Optional<RegistryUser> user =
          userAndPassword == null
              ? Optional.empty()
              : registry.check(userAndPassword[0], userAndPassword[1].toCharArray());
      if (user.isPresent()) {
        return signIn(context, user.get());
      }
      return challenge(response, context, "the user name or password is wrong");
    }
    return context.isProtected()
        ? challenge(response, context, "sign in: send HTTP Basic credentials")
        : context.doNothing();
  }

  /**
   * Tells the container who signed in, in the registry's realm: the subject's user and group access
   * ids ({@code group:<realm>/<group>}) are then the ones the role bindings resolve through the
   * registry, so the bindings of server.xml apply unchanged.
   */
  private static AuthenticationStatus signIn(HttpMessageContext context, RegistryUser user) {
    return context.notifyContainerAboutLogin(
        new CredentialValidationResult(
            user.realm(),
            new CallerPrincipal(user.name()),
            null,
            "user:" + user.realm() + "/" + user.name(),
            user.groups()));
  }

  /**
   * 401 with the problem document written here: Liberty sends what the mechanism left in the
   * response for {@code SEND_FAILURE} (no error page is involved), so the body has to come from us.
   */
  private static AuthenticationStatus challenge(
      HttpServletResponse response, HttpMessageContext context, String detail) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    AuthenticationStatus unauthorized = context.responseUnauthorized();
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try {
      response.getWriter().write(Problems.ofStatus(HttpServletResponse.SC_UNAUTHORIZED, detail));
    } catch (IOException clientGone) {
      LOG.fine(() -> "401 body not sent: " + clientGone);
    }
    return unauthorized;
  }

  /**
   * {@code user:password} of a Basic header, or null when it is not valid Base64 or has no colon.
   */
  static String[] decode(String base64) {
    String text;
    try {
      text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = text.indexOf(':');
    return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
  }

  static boolean isApi(HttpServletRequest request) {
    return isApi(request.getRequestURI(), request.getContextPath());
  }

  static boolean isApi(String requestUri, String contextPath) {
    if (!requestUri.startsWith(contextPath)) {
      return false;
    }
    String path = requestUri.substring(contextPath.length());
    return path.equals("/api") || path.startsWith("/api/");
  }
}
