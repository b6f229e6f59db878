package dev.froster.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
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
 * Issue 8 in a real browser, the management pages' remaining actions: a vocabulary term edited in
 * place (kept after reopening the page; a duplicate or empty label refused next to the field,
 * changing nothing), a vocabulary imported from a JSON file, bulk accept in the review grid (both
 * tags leave the queue and are audited), the dashboard's embedding coverage of two versions, and
 * sign-in hygiene (a new session at every sign-in; the login page sends a signed-in user to the
 * dashboard). The review and search world comes from {@link UiWorld}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagementPagesIT {

  private static final String UNIQUE =
      UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  /** The message next to the label field of the term being edited. */
  private static final By LABEL_MESSAGE =
      By.xpath(
          "//input[contains(@id, ':editLabel')]/following-sibling::*"
              + "[contains(@class, 'ui-message-error')]");

  private static Browser browser;
  private static UiWorld world;
  private static ModelsWorld models;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @BeforeAll
  static void openTheBrowser() throws Exception {
    browser = Browser.open();
    world = new UiWorld(Path.of("target", "ui-videos").toAbsolutePath());
    models = new ModelsWorld();
  }

  @AfterAll
  static void closeEverything() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (world != null) {
      world.close();
    }
    if (models != null) {
      models.close();
    }
  }

  @AfterEach
  void screenshotAndSignOut(TestInfo test) {
    browser.screenshot("ManagementPagesIT-" + test.getTestMethod().orElseThrow().getName());
    browser.signOut();
  }

  @Test
  @Order(1)
  void aTermIsEditedInPlaceAndADuplicateOrEmptyLabelIsRefusedNextToTheField() throws Exception {
    String name = "u10-terms-" + UNIQUE;
    long vocabulary;
    long jumping;
    try (Connection db = UiWorld.connect()) {
      vocabulary =
          UiWorld.single(
              db,
              "insert into vocabulary (name, accept_threshold, review_threshold, active)"
                  + " values (?, 0.8, 0.5, false) returning id",
              name);
      jumping =
          UiWorld.single(
              db,
              "insert into term (vocabulary_id, label, description) values (?, 'jumping',"
                  + " 'someone jumps') returning id",
              vocabulary);
      UiWorld.update(
          db, "insert into term (vocabulary_id, label) values (?, 'running')", vocabulary);
    }
    openVocabulary(name);
    editTerm(jumping);
    WebElement description = browser.driver.findElement(By.cssSelector("[id$=':editDescription']"));
    description.clear();
    description.sendKeys("someone leaps over a bar");
    WebElement synonyms = browser.driver.findElement(By.cssSelector("[id$=':editSynonyms']"));
    synonyms.clear();
    synonyms.sendKeys("leap | hop");
    browser.driver.findElement(By.cssSelector("button.save-term")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "Saved the term jumping"));

    // Reopened from the menu: the change is stored.
    openVocabulary(name);
    WebElement row = termRow(jumping);
    assertEquals(
        "someone leaps over a bar", row.findElement(By.className("term-description")).getText());
    assertEquals("leap, hop", row.findElement(By.className("term-synonyms")).getText());

    editTerm(jumping);
    WebElement label = browser.driver.findElement(By.cssSelector("[id$=':editLabel']"));
    label.clear();
    label.sendKeys("Running");
    browser.driver.findElement(By.cssSelector("button.save-term")).click();
    // Looked up afresh: each Save loads the page again.
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(LABEL_MESSAGE, "duplicate term"));
    // The row stays open with what was typed.
    assertEquals(
        "Running",
        browser.driver.findElement(By.cssSelector("[id$=':editLabel']")).getAttribute("value"));

    label = browser.driver.findElement(By.cssSelector("[id$=':editLabel']"));
    label.clear();
    browser.driver.findElement(By.cssSelector("button.save-term")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(LABEL_MESSAGE, "label is required"));
    browser.screenshot("ManagementPagesIT-term-refused");
    try (Connection db = UiWorld.connect()) {
      assertEquals(
          1,
          UiWorld.single(
              db,
              "select count(*) from term where id = ? and label = 'jumping'"
                  + " and description = 'someone leaps over a bar'",
              jumping));
      UiWorld.update(db, "delete from vocabulary where id = ?", vocabulary);
    }
  }

  @Test
  @Order(2)
  void anAdminCreatesAVocabularyFromAJsonFile() throws Exception {
    String name = "u10-json-" + UNIQUE;
    Path folder = Files.createDirectories(Path.of("target", "ui-files").toAbsolutePath());
    Path json =
        Files.writeString(
            folder.resolve(name + ".json"),
            "{\"name\": \""
                + name
                + "\", \"description\": \"from a file\", \"acceptThreshold\": 0.9,"
                + " \"reviewThreshold\": 0.4, \"active\": false, \"terms\": ["
                + "{\"label\": \"surfing\", \"description\": \"riding a wave\","
                + " \"synonyms\": [\"surf\"]},"
                + "{\"label\": \"sailing\", \"synonyms\": []}]}");
    browser.signIn("admin", "dashboard.xhtml");
    openFromMenu("vocabularies");
    browser
        .driver
        .findElement(By.cssSelector("#import input[type=file]"))
        .sendKeys(json.toString());
    browser.driver.findElement(By.id("import:importButton")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("selected-name"), name));
    assertTrue(
        browser.driver.findElement(By.id("messages")).getText().contains("with 2 terms"),
        browser.driver.findElement(By.id("messages")).getText());
    List<String> labels =
        browser.driver.findElements(By.cssSelector("#terms .term-label")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("surfing", "sailing"), labels);
    // Thresholds and the active switch come from the file, not from the form.
    assertEquals("0.9", browser.driver.findElement(By.id("settings:accept")).getAttribute("value"));
    assertEquals("0.4", browser.driver.findElement(By.id("settings:review")).getAttribute("value"));
    try (Connection db = UiWorld.connect()) {
      assertEquals(
          1,
          UiWorld.single(
              db,
              "select count(*) from vocabulary where name = ? and not active"
                  + " and description = 'from a file'",
              name));
      UiWorld.update(db, "delete from vocabulary where name = ?", name);
    }
  }

  @Test
  @Order(3)
  void bulkAcceptInTheGridClearsBothTagsFromTheQueueAndAuditsThem() throws Exception {
    browser.signIn("tagger", "review.xhtml");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filters:vocabulary")));
    browser.driver.findElement(By.id("filters:vocabulary")).click();
    browser
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//li[@data-label='ui-actions-" + world.unique + "']")))
        .click();
    browser.driver.findElement(By.cssSelector("#filters\\:grid .ui-toggleswitch-slider")).click();
    browser.driver.findElement(By.id("filters:apply")).click();
    By rows = By.cssSelector("#grid\\:items tbody tr[data-rk]");
    browser.wait.until(ExpectedConditions.numberOfElementsToBe(rows, 2));
    // Each row shows its own item, with its keyframe loaded from the API.
    assertEquals(
        List.of("diving-" + world.unique, "running-" + world.unique),
        browser.driver.findElements(rows).stream()
            .map(row -> row.findElements(By.tagName("td")).get(3).getText())
            .toList());
    browser.wait.until(
        driver ->
            (Boolean)
                ((JavascriptExecutor) driver)
                    .executeScript(
                        "var images = document.querySelectorAll('#grid\\\\:items img.keyframe');"
                            + " return images.length == 2 && Array.from(images)"
                            + ".every(i => i.complete && i.naturalWidth > 0);"));
    for (WebElement row : browser.driver.findElements(rows)) {
      row.findElement(By.cssSelector(".ui-chkbox-box")).click();
    }
    browser.wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#grid\\:items tbody tr[aria-selected='true']"), 2));
    browser.screenshot("ManagementPagesIT-grid-selected");
    browser.driver.findElement(By.id("grid:acceptSelected")).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
    assertEquals("accepted:diving-" + world.unique, UiWorld.tagStatus(world.divingTag));
    assertEquals("accepted:running-" + world.unique, UiWorld.tagStatus(world.runningTag));
    for (long tag : new long[] {world.divingTag, world.runningTag}) {
      HttpResponse<String> audit =
          UiWorld.send("admin", "GET", UiWorld.API + "/audit?entityType=tag&entityId=" + tag, null);
      assertEquals(200, audit.statusCode(), audit.body());
      JsonArray entries =
          Json.createReader(new StringReader(audit.body())).readObject().getJsonArray("entries");
      assertTrue(
          entries.stream()
              .map(JsonObject.class::cast)
              .anyMatch(
                  e ->
                      e.getString("action").equals("tag.accept")
                          && e.getString("actor").equals("tagger")),
          audit.body());
    }
  }

  @Test
  @Order(4)
  void theDashboardShowsTheCoverageOfEveryVersionWithEmbeddings() throws Exception {
    // A second version that embedded two of the world's four segments.
    long candidate = models.registerCandidate("coverage");
    try (Connection db = UiWorld.connect()) {
      for (int k = 0; k < 2; k++) {
        UiWorld.update(
            db,
            "insert into segment_embedding (segment_id, model_version_id, embedding)"
                + " values (?, ?, cast(? as vector))",
            world.segments[k],
            candidate,
            "[" + "0.1,".repeat(31) + "0.1]");
      }
    }
    long catalogue;
    try (Connection db = UiWorld.connect()) {
      catalogue =
          UiWorld.single(
              db,
              "select count(*) from segment s join media_asset a on a.id = s.asset_id"
                  + " where a.status <> 'failed'");
    }
    browser.signIn("archivist", "dashboard.xhtml");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("coverage")));
    WebElement active = coverageRow(world.modelVersion);
    assertEquals("active", active.findElement(By.className("coverage-status")).getText());
    assertEquals(
        "4 / " + catalogue, active.findElement(By.className("coverage-segments")).getText());
    WebElement second = coverageRow(candidate);
    assertEquals("candidate", second.findElement(By.className("coverage-status")).getText());
    assertEquals(
        "2 / " + catalogue, second.findElement(By.className("coverage-segments")).getText());
    assertTrue(
        second.findElement(By.className("coverage-name")).getText().contains("coverage"),
        second.getText());
    // The active version comes first.
    assertEquals(
        Long.toString(world.modelVersion),
        browser.driver.findElement(By.cssSelector("#coverage .coverage-version")).getText());
  }

  @Test
  @Order(5)
  void aSignInStartsANewSessionAndTheLoginPageSendsTheSignedInToTheDashboard() {
    // The page request opens a session to remember the page; the sign-in must not continue it
    // (a session id known before the login is never the one after it).
    browser.driver.get(Browser.page("search.xhtml"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:user")));
    String before = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
    browser.typeCredentials("archivist");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    String after = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
    assertNotEquals(before, after);
    browser.driver.get(Browser.page("login.xhtml"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu:menubar")));
    assertTrue(
        browser.driver.getCurrentUrl().endsWith("/dashboard.xhtml"),
        browser.driver.getCurrentUrl());
    assertEquals("archivist", browser.driver.findElement(By.id("signed-in-user")).getText().trim());
  }

  private static void openVocabulary(String name) {
    if (browser.driver.findElements(By.id("menu:vocabularies")).isEmpty()) {
      browser.signIn("admin", "dashboard.xhtml");
    }
    openFromMenu("vocabularies");
    browser
        .driver
        .findElement(
            By.xpath(
                "//tr[.//span[@class='vocabulary-name' and text()='"
                    + name
                    + "']]//button[contains(@class, 'open-vocabulary')]"))
        .click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("selected-name"), name));
  }

  private static void editTerm(long term) {
    termRow(term).findElement(By.cssSelector("button.edit-term")).click();
    browser.wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$=':editLabel']")));
  }

  private static WebElement termRow(long term) {
    return browser.driver.findElement(By.cssSelector("#terms tr.term-" + term));
  }

  private static WebElement coverageRow(long version) {
    return browser.driver.findElement(By.cssSelector("#coverage tr.coverage-" + version));
  }

  private static void openFromMenu(String entry) {
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:" + entry))).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(entry)));
  }
}
