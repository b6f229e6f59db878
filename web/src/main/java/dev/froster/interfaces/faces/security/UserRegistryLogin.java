package dev.froster.interfaces.faces.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Checks a user name and password against the server's user registry (the development registry,
 * LDAP, whatever server.xml configures), through the JAAS login configuration {@code WSLogin} that
 * Liberty offers applications. The registry stays the one source of users and groups: the
 * application keeps no identity store of its own.
 */
@ApplicationScoped
public class UserRegistryLogin {

  /** The JAAS configuration Liberty defines for programmatic logins of applications. */
  static final String LOGIN_CONFIGURATION = "WSLogin";

  /** Liberty's realm for identities that name none. */
  static final String DEFAULT_REALM = "defaultRealm";

  /**
   * A user the registry accepted: name, the registry's realm and the user's groups by their short
   * names (as the application's role bindings name them).
   */
  public record RegistryUser(String name, String realm, Set<String> groups) {}

  /**
   * The user when the registry knows {@code user} with {@code password}; empty when it does not.
   */
  public Optional<RegistryUser> check(String user, char[] password) {
    if (user == null || user.isBlank() || password == null || password.length == 0) {
      return Optional.empty();
    }
    try {
      LoginContext login =
          new LoginContext(
              LOGIN_CONFIGURATION,
              callbacks -> {
                for (Callback callback : callbacks) {
                  if (callback instanceof NameCallback name) {
                    name.setName(user);
                  } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password);
                  }
                  // Other callbacks (realm, token) are optional: left unanswered.
                }
              });
      login.login();
      return Optional.of(registryUser(user, login.getSubject()));
    } catch (LoginException refused) {
      return Optional.empty();
    }
  }

  /**
   * The realm and groups Liberty put into the subject's credential ({@code
   * WSCredential.getGroupIds()}, e.g. {@code group:froster/admins}), read reflectively so the
   * application needs no server API.
   */
  static RegistryUser registryUser(String user, Subject subject) {
    Set<String> groupIds = new HashSet<>();
    for (Object credential : subject.getPublicCredentials()) {
      try {
        Method getGroupIds = credential.getClass().getMethod("getGroupIds");
        Object ids = getGroupIds.invoke(credential);
        if (ids instanceof Collection<?> list) {
          for (Object id : list) {
            groupIds.add(String.valueOf(id));
          }
        }
      } catch (NoSuchMethodException notACredentialWithGroups) {
        // other credentials (tokens) carry no groups
      } catch (ReflectiveOperationException unreadable) {
        throw new IllegalStateException("cannot read the groups of the signed-in user", unreadable);
      }
    }
    return fromGroupIds(user, groupIds);
  }

  /**
   * {@code group:froster/admins, group:froster/taggers} → realm froster, groups admins, taggers.
   */
  static RegistryUser fromGroupIds(String user, Set<String> groupIds) {
    String realm = DEFAULT_REALM;
    Set<String> groups = new HashSet<>();
    for (String id : groupIds) {
      String withoutType = id.startsWith("group:") ? id.substring("group:".length()) : id;
      int slash = withoutType.lastIndexOf('/');
      if (slash > 0) {
        realm = withoutType.substring(0, slash);
      }
      groups.add(withoutType.substring(slash + 1));
    }
    return new RegistryUser(user, realm, Set.copyOf(groups));
  }
}
