package dev.froster.it.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 8 in a real browser: sign-in per role and the menu each role sees, the page-level refusal
 * of the models page for a tagger, search with the segment player, a typed search surviving an
 * expired session, and accept and relabel in the review queue. One headless Chromium for the class;
 * the world comes from {@link UiWorld}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesIT {

  private static Browser browser;
  private static UiWorld world;

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
  static void closeEverything() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (world != null) {
      world.close();
    }
  }

  @AfterEach
  void screenshotAndSignOut(TestInfo test) {
    browser.screenshot("PagesIT-" + test.getTestMethod().orElseThrow().getName());
    browser.signOut();
  }

  private static UiWorld world() throws Exception {
    if (world == null) {
      world = new UiWorld(Path.of("target", "ui-videos").toAbsolutePath());
    }
    return world;
  }

  @Test
  @Order(1)
  void eachRoleSeesOnlyTheMenuEntriesItMayUse() {
    Map<String, List<String>> menus =
        Map.of(
            "archivist", List.of("Dashboard", "Search"),
            "tagger", List.of("Dashboard", "Search", "Review"),
            "admin", List.of("Dashboard", "Search", "Review", "Vocabularies", "Jobs", "Models"));
    for (Map.Entry<String, List<String>> role : menus.entrySet()) {
      browser.signIn(role.getKey(), "dashboard.xhtml");
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu:menubar")));
      assertEquals(
          role.getKey(), browser.driver.findElement(By.id("signed-in-user")).getText().trim());
      List<String> entries =
          browser.driver.findElements(By.cssSelector("#menu\\:menubar .ui-menuitem-text")).stream()
              .map(WebElement::getText)
              .map(String::trim)
              .toList();
      assertEquals(role.getValue(), entries, role.getKey());
      browser.screenshot("PagesIT-menu-" + role.getKey());
      browser.driver.findElement(By.id("menu:logout")).click();
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
    }
  }

  @Test
  @Order(2)
  void aWrongPasswordStaysOnTheLoginPageWithAMessage() {
    browser.driver.get(Browser.page("dashboard.xhtml"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:user")));
    browser.driver.findElement(By.id("login:user")).sendKeys("admin");
    browser.driver.findElement(By.cssSelector("input[type=password]")).sendKeys("not-the-password");
    browser.driver.findElement(By.id("login:signIn")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "user name or password is wrong"));
    assertTrue(browser.driver.getCurrentUrl().contains("login.xhtml"));
  }

  @Test
  @Order(3)
  void aTaggerCannotOpenTheModelsPage() {
    browser.signIn("tagger", "models.xhtml");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
    assertTrue(browser.driver.findElements(By.id("models")).isEmpty());
    assertTrue(browser.driver.getPageSource().contains("Not allowed"));
  }

  @Test
  @Order(4)
  void searchFindsTheMomentAndThePlayerStartsAtItsStart() throws Exception {
    UiWorld w = world();
    browser.signIn("archivist", "search.xhtml");
    WebElement q = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    q.sendKeys(UiWorld.QUERY);
    browser.driver.findElement(By.id("go")).click();
    WebElement first =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#moments .moment")));
    assertEquals(Long.toString(w.segments[UiWorld.TOP]), first.getAttribute("data-segment"));
    assertTrue(first.getText().contains(w.title), first.getText());
    assertTrue(first.getText().contains("0:04.0 – 0:06.0"), first.getText());
    first.findElement(By.cssSelector("img.keyframe")).click();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    browser.wait.until(
        driver ->
            (Boolean)
                js.executeScript(
                    "var v = document.getElementById('player-video');"
                        + " return v.readyState >= 2 && v.currentTime > 0;"));
    double startedAt =
        ((Number) js.executeScript("return document.getElementById('player-video').currentTime;"))
            .doubleValue();
    assertTrue(startedAt >= 3.9 && startedAt <= 6.0, "player at " + startedAt + " s");
    browser.screenshot("PagesIT-player");
    // It stops at the segment's end.
    browser.wait.until(
        driver ->
            (Boolean) js.executeScript("return document.getElementById('player-video').paused;"));
    double stoppedAt =
        ((Number) js.executeScript("return document.getElementById('player-video').currentTime;"))
            .doubleValue();
    assertTrue(stoppedAt >= 5.5 && stoppedAt <= 6.6, "stopped at " + stoppedAt + " s");
    // More like this: the other segments of the world, the top one excluded.
    first.findElement(By.cssSelector("a.like")).click();
    browser.wait.until(ExpectedConditions.urlContains("like=" + w.segments[UiWorld.TOP]));
    List<String> similar =
        browser.driver.findElements(By.cssSelector("#moments .moment")).stream()
            .map(card -> card.getAttribute("data-segment"))
            .toList();
    assertFalse(similar.contains(Long.toString(w.segments[UiWorld.TOP])));
    assertFalse(similar.isEmpty());
  }

  @Test
  @Order(5)
  void aSearchTypedWhenTheSessionHasExpiredSurvivesTheLogin() throws Exception {
    world();
    browser.signIn("archivist", "search.xhtml");
    WebElement q = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    q.sendKeys(UiWorld.QUERY);
    // The session ends while the query is typed (as after the session timeout).
    browser.driver.manage().deleteAllCookies();
    browser.driver.findElement(By.id("go")).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:user")));
    browser.typeCredentials("archivist");
    browser.wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#moments .moment")));
    assertEquals(UiWorld.QUERY, browser.driver.findElement(By.id("q")).getAttribute("value"));
    assertTrue(browser.driver.getCurrentUrl().contains("search.xhtml?q="));
  }

  @Test
  @Order(6)
  void aTooLongQueryIsRefusedNextToTheField() {
    browser.signIn("archivist", "search.xhtml?q=" + "x".repeat(600));
    WebElement message =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".field .ui-message-error")));
    assertTrue(message.getText().contains("at most 512"), message.getText());
  }

  @Test
  @Order(7)
  void aTaggerAcceptsWithTheKeyboardAndRelabelsToARunnerUp() throws Exception {
    UiWorld w = world();
    browser.signIn("tagger", "review.xhtml");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filters:vocabulary")));
    filterByVocabulary("ui-actions-" + w.unique);
    WebElement current =
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current")));
    assertEquals(Long.toString(w.divingTag), current.getAttribute("data-tag"));
    assertTrue(current.getText().contains("diving-" + w.unique), current.getText());
    assertTrue(current.getText().contains("62%"), current.getText());
    assertTrue(current.getText().contains("running-" + w.unique + " (30%)"), current.getText());
    browser.screenshot("PagesIT-review-item");
    // "a" accepts the item shown.
    browser.driver.findElement(By.tagName("body")).sendKeys("a");
    browser.wait.until(
        ExpectedConditions.attributeToBe(
            By.id("current"), "data-tag", Long.toString(w.runningTag)));
    assertEquals("accepted:diving-" + w.unique, UiWorld.tagStatus(w.divingTag));
    // Relabel the next one to its runner-up.
    browser
        .driver
        .findElement(By.xpath("//button[contains(., 'swimming-" + w.unique + "')]"))
        .click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
    assertEquals("accepted:swimming-" + w.unique, UiWorld.tagStatus(w.runningTag));
    assertTrue(
        browser.driver.findElement(By.id("messages")).getText().contains("Relabelled"),
        browser.driver.findElement(By.id("messages")).getText());
  }

  @Test
  @Order(8)
  void anAdminCreatesAVocabularyByCsvImportAndABrokenFileChangesNothing() throws Exception {
    String name = "ui-csv-" + UUID.randomUUID().toString().substring(0, 8);
    Path folder = Files.createDirectories(Path.of("target", "ui-files").toAbsolutePath());
    Path csv =
        Files.writeString(
            folder.resolve(name + ".csv"),
            "label,description,synonyms\n"
                + "diving,someone dives into water,plunge|dive\n"
                + "running,someone runs,jog\n"
                + "waving,someone waves a hand,\n");
    Path broken =
        Files.writeString(
            folder.resolve(name + "-broken.csv"),
            "label,description,synonyms\nclimbing,someone climbs,\nclimbing,again,\n");
    browser.signIn("admin", "dashboard.xhtml");
    openFromMenu("vocabularies");
    importCsv(name + "-broken", broken);
    WebElement refused =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#import .ui-message-error")));
    assertTrue(refused.getText().contains("duplicate term"), refused.getText());
    assertFalse(browser.driver.getPageSource().contains(name + "-broken</span>"));
    importCsv(name, csv);
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("selected-name"), name));
    assertTrue(
        browser.driver.findElement(By.id("messages")).getText().contains("with 3 terms"),
        browser.driver.findElement(By.id("messages")).getText());
    List<String> labels =
        browser.driver.findElements(By.cssSelector("#terms .term-label")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("diving", "running", "waving"), labels);
    HttpResponse<String> stored = UiWorld.send("admin", "GET", UiWorld.API + "/vocabularies", null);
    assertTrue(stored.body().contains("\"" + name + "\""), stored.body());
    assertFalse(stored.body().contains(name + "-broken"), stored.body());
  }

  @Test
  @Order(9)
  void anAdminStartsAJobAndWatchesItsProgressReachCompletion() {
    browser.signIn("admin", "dashboard.xhtml");
    openFromMenu("jobs");
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("jobs:startIngest"))).click();
    WebElement started =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#jobs\\:messages")));
    String text = started.getText();
    assertTrue(text.contains("Started ingest: execution "), text);
    String execution = text.replaceAll("(?s).*execution (\\d+).*", "$1");
    By row = By.xpath("//tr[.//span[@class='execution-id' and text()='" + execution + "']]");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    browser.wait.until(
        driver ->
            driver
                .findElement(row)
                .findElement(By.className("status"))
                .getText()
                .equals("COMPLETED"));
    WebElement done = browser.driver.findElement(row);
    assertTrue(done.getText().contains("100%"), done.getText());
    assertTrue(done.getText().contains("ingest-assets"), done.getText());
  }

  @Test
  @Order(10)
  void theVideoIsServedInRangesWithItsContentType() throws Exception {
    UiWorld w = world();
    byte[] file = Files.readAllBytes(w.video);
    String path = UiWorld.API + "/assets/" + w.asset + "/video";
    HttpResponse<byte[]> part = video(path, "bytes=100-1123");
    assertEquals(206, part.statusCode());
    assertEquals(
        "bytes 100-1123/" + file.length, part.headers().firstValue("Content-Range").orElse(""));
    assertEquals("video/mp4", part.headers().firstValue("Content-Type").orElse(""));
    assertEquals("bytes", part.headers().firstValue("Accept-Ranges").orElse(""));
    assertArrayEquals(Arrays.copyOfRange(file, 100, 1124), part.body());
    HttpResponse<byte[]> tail = video(path, "bytes=-500");
    assertEquals(206, tail.statusCode());
    assertArrayEquals(Arrays.copyOfRange(file, file.length - 500, file.length), tail.body());
    HttpResponse<byte[]> beyond = video(path, "bytes=" + file.length + "-");
    assertEquals(416, beyond.statusCode());
    assertEquals("bytes */" + file.length, beyond.headers().firstValue("Content-Range").orElse(""));
    HttpResponse<byte[]> whole = video(path, null);
    assertEquals(200, whole.statusCode());
    assertArrayEquals(file, whole.body());
    assertEquals(404, video(UiWorld.API + "/assets/999999999/video", null).statusCode());
  }

  private static HttpResponse<byte[]> video(String path, String range) throws Exception {
    String password = System.getenv("FROSTER_ARCHIVIST_PASSWORD");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(UiWorld.base() + path))
            .timeout(Duration.ofSeconds(60))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("archivist:" + password).getBytes(StandardCharsets.UTF_8)));
    if (range != null) {
      request.header("Range", range);
    }
    return HttpClient.newHttpClient()
        .send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void openFromMenu(String entry) {
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:" + entry))).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(entry)));
  }

  private static void importCsv(String name, Path file) {
    WebElement field = browser.driver.findElement(By.id("import:name"));
    field.clear();
    field.sendKeys(name);
    browser
        .driver
        .findElement(By.cssSelector("#import input[type=file]"))
        .sendKeys(file.toString());
    browser.driver.findElement(By.id("import:importButton")).click();
  }

  private static void filterByVocabulary(String name) {
    browser.driver.findElement(By.id("filters:vocabulary")).click();
    browser
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(By.xpath("//li[@data-label='" + name + "']")))
        .click();
    browser.driver.findElement(By.id("filters:apply")).click();
  }
}
