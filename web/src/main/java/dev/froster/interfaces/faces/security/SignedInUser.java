package dev.froster.interfaces.faces.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;

/**
 * The user of the current request as the page template sees it: name, what the roles allow (the
 * menu shows only those entries; web.xml and the EJBs enforce the same rules on the server), and
 * logout.
 */
@Named
@RequestScoped
public class SignedInUser {

  @Inject FacesContext faces;

  public String getName() {
    Principal principal = faces.getExternalContext().getUserPrincipal();
    return principal == null ? "" : principal.getName();
  }

  /** Archivists and above: search and watch. */
  public boolean isMaySearch() {
    return in("archivist") || in("tagger") || in("admin");
  }

  /** Taggers and admins: the review queue. */
  public boolean isMayReview() {
    return in("tagger") || in("admin");
  }

  /** Admins: vocabularies, models, jobs. */
  public boolean isMayManage() {
    return in("admin");
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
  }

  private boolean in(String role) {
    return faces.getExternalContext().isUserInRole(role);
  }
}
