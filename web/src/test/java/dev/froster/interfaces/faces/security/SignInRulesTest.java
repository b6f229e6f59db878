package dev.froster.interfaces.faces.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.interfaces.faces.security.UserRegistryLogin.RegistryUser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInRulesTest {

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBasicHeaderSplitsAtTheFirstColonSoPasswordsMayContainColons() {
    assertArrayEquals(
        new String[] {"admin", "pa:ss:word"},
        PagesAndApiAuthentication.decode(base64("admin:pa:ss:word")));
    assertArrayEquals(
        new String[] {"tagger", ""}, PagesAndApiAuthentication.decode(base64("tagger:")));
  }

  @Test
  void aBasicHeaderWithoutColonOrNotBase64IsNoCredential() {
    assertNull(PagesAndApiAuthentication.decode(base64("admin")));
    assertNull(PagesAndApiAuthentication.decode("%%% not base64"));
  }

  @Test
  void theRegistryRealmAndShortGroupNamesComeFromTheGroupAccessIds() {
    RegistryUser user =
        UserRegistryLogin.fromGroupIds(
            "admin", Set.of("group:froster/admins", "group:froster/taggers"));
    assertEquals("froster", user.realm());
    assertEquals(Set.of("admins", "taggers"), user.groups());
    RegistryUser ldap =
        UserRegistryLogin.fromGroupIds("ann", Set.of("group:ldap.example/cn=archivists,o=x"));
    assertEquals("ldap.example", ldap.realm());
    assertEquals(Set.of("cn=archivists,o=x"), ldap.groups());
    assertEquals(
        UserRegistryLogin.DEFAULT_REALM, UserRegistryLogin.fromGroupIds("x", Set.of()).realm());
  }

  @Test
  void theApiIsEverythingUnderApiOfThisApplication() {
    assertTrue(PagesAndApiAuthentication.isApi("/froster/api/v1/search", "/froster"));
    assertTrue(PagesAndApiAuthentication.isApi("/froster/api", "/froster"));
    assertFalse(PagesAndApiAuthentication.isApi("/froster/apis.xhtml", "/froster"));
    assertFalse(PagesAndApiAuthentication.isApi("/froster/models.xhtml", "/froster"));
    assertFalse(PagesAndApiAuthentication.isApi("/other/api/v1", "/froster"));
  }

  @Test
  void aPageErrorShowsTheForbiddenOrTheGeneralPage() {
    assertEquals("/forbidden.html", ErrorPages.page(403));
    assertEquals("/error.html", ErrorPages.page(500));
  }

  @Test
  void onlyPagesOfThisApplicationAreReturnedToAfterLogin() {
    assertTrue(ReturnAfterLogin.isOwnPage("/froster/search.xhtml?q=diver", "/froster"));
    assertFalse(ReturnAfterLogin.isOwnPage("//evil.example/froster/", "/froster"));
    assertFalse(ReturnAfterLogin.isOwnPage("/other/page.xhtml", "/froster"));
    assertFalse(ReturnAfterLogin.isOwnPage("/froster/login.xhtml", "/froster"));
    assertFalse(ReturnAfterLogin.isOwnPage("/froster\\..\\x", "/froster"));
  }
}
