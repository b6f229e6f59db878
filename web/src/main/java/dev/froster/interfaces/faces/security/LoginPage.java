package dev.froster.interfaces.faces.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/**
 * login.xhtml: hands the typed user name and password to {@link PagesAndApiAuthentication}. When
 * the login interrupted a page request, the mechanism redirects back to it; otherwise the user
 * lands on the dashboard. A user who opens the login page while signed in goes to the dashboard; a
 * sign-in always starts a new session (see {@link #startAfresh}).
 */
@Named
@RequestScoped
public class LoginPage {

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  @NotBlank(message = "Enter your user name")
  @Size(max = 100, message = "A user name has at most 100 characters")
  private String user;

  @NotBlank(message = "Enter your password")
  @Size(max = 200, message = "A password has at most 200 characters")
  private String password;

  /** View action of login.xhtml: a signed-in user has nothing to do here. */
  public void redirectWhenSignedIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    if (external.getUserPrincipal() != null) {
      external.redirect(external.getRequestContextPath() + "/dashboard.xhtml");
    }
  }

  public void signIn() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String target = ReturnAfterLogin.takeOrDefault(request);
    startAfresh(request, target);
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(user, new Password(password))));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS -> external.redirect(ReturnAfterLogin.takeOrDefault(request));
      default ->
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  "The user name or password is wrong.",
                  "Check both and try again."));
    }
  }

  /**
   * Ends whatever session the browser brought (another user's, still signed in, or an anonymous
   * one) and opens a new one that keeps only the page to return to. The server ties a session to
   * the user who first used it signed in, so a new user continuing an old session would be refused
   * (SESN0008E); and a session id known before the login is never the one after it (session
   * fixation).
   */
  private static void startAfresh(HttpServletRequest request, String target)
      throws ServletException {
    if (request.getUserPrincipal() != null) {
      request.logout();
    }
    HttpSession previous = request.getSession(false);
    if (previous != null) {
      previous.invalidate();
    }
    request.getSession(true).setAttribute(ReturnAfterLogin.ATTRIBUTE, target);
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
