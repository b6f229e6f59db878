package dev.froster.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The session cookie carries {@code SameSite=Strict} (server.xml {@code httpSession
 * cookieSameSite}): a request another site makes the browser send carries no session. Checked in
 * the server's {@code Set-Cookie} and in the browser's cookie, with a sign-in that still works.
 */
@ExtendWith(ArquillianExtension.class)
class SessionCookieIT {

  private static Browser browser;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @BeforeAll
  static void openTheBrowser() {
    browser = Browser.open();
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.screenshot("SessionCookieIT");
      browser.signOut();
      browser.close();
    }
  }

  @Test
  void theSessionCookieIsSameSiteStrictAndSigningInStillWorks() throws Exception {
    // A page request without a session: the login mechanism opens one to remember the page.
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(UiWorld.base() + "/froster/search.xhtml?q=harbour"))
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> sessionCookies =
        response.headers().allValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith("JSESSIONID="))
            .toList();
    assertFalse(sessionCookies.isEmpty(), response.headers().map().toString());
    for (String cookie : sessionCookies) {
      assertTrue(cookie.contains("SameSite=Strict"), cookie);
      assertTrue(cookie.contains("HttpOnly"), cookie);
    }
    browser.signIn("archivist", "dashboard.xhtml");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu:menubar")));
    Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
    assertEquals("Strict", session.getSameSite());
    assertEquals("archivist", browser.driver.findElement(By.id("signed-in-user")).getText().trim());
  }
}
