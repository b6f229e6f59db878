package dev.froster.interfaces.faces;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.util.Arrays;

/**
 * The server-side role check of page actions. web.xml already keeps other roles off the page; this
 * second check stops a crafted postback to an action of a page the user may open (the review page
 * for a tagger) that only another role may run.
 */
public final class Roles {

  private Roles() {}

  /**
   * @throws SecurityException (shown as "not allowed") when the caller is in none of {@code roles}
   */
  public static void require(String... roles) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (Arrays.stream(roles).noneMatch(external::isUserInRole)) {
      throw new SecurityException(
          "your role may not do this (needs " + String.join(" or ", roles) + ")");
    }
  }
}
