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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/**
 * login.xhtml: hands the typed user name and password to {@link PagesAndApiAuthentication}. When
 * the login interrupted a page request, the mechanism redirects back to it; otherwise the user
 * lands on the dashboard.
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

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(user, new Password(password))));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS ->
          external.redirect(
              ReturnAfterLogin.takeOrDefault((HttpServletRequest) external.getRequest()));
      default ->
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  "The user name or password is wrong.",
                  "Check both and try again."));
    }
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
