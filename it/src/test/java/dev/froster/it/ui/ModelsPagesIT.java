package dev.froster.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 8 items 4 and 5 in a real browser: the models page lists registered versions with their
 * held-out accuracy and compares two side by side (metrics, per-class accuracy, inline SVG charts);
 * it promotes a candidate (the re-embedding's progress shown at the top), rolls back, purges a
 * retired version's embeddings and refuses a file that is not a CLIP checkpoint next to its field;
 * the jobs page starts a tiny training run and lists it to its end; an invalid cron is refused next
 * to its field and stores nothing; a tagger is still refused the models page. Two versions with
 * metrics are written through SQL (candidates, so that no other test's active version or rollback
 * target changes) and deleted afterwards; the rest comes from {@link ModelsWorld}. Each test signs
 * out through the page's Log out action.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelsPagesIT {

  private static final String UNIQUE =
      UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private static final String TEACHER = "u9-clip-" + UNIQUE;
  private static final String STUDENT = "u9-froster-" + UNIQUE;

  private static Browser browser;
  private static ModelsWorld world;
  private static long teacher;
  private static long student;
  private static long promoted;
  private static long rolledBackTo;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @BeforeAll
  static void registerTwoVersionsAndOpenTheBrowser() throws SQLException {
    try (Connection db = UiWorld.connect()) {
      teacher =
          single(
              db,
              "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status,"
                  + " kind, metrics) values (?, ?, ?, 32, 'candidate', 'base', cast(? as jsonb))"
                  + " returning id",
              TEACHER,
              TEACHER,
              "a".repeat(64),
              "{\"base\": 0.60, \"novel\": 0.40, \"hm\": 0.48, \"perClass\": ["
                  + "{\"name\": \"diving\", \"split\": \"base\", \"correct\": 3, \"total\": 5,"
                  + " \"accuracy\": 0.6},"
                  + "{\"name\": \"juggling\", \"split\": \"novel\", \"correct\": 2, \"total\": 5,"
                  + " \"accuracy\": 0.4}]}");
      student =
          single(
              db,
              "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status,"
                  + " kind, parent_id, teacher_id, metrics) values (?, ?, ?, 32, 'candidate',"
                  + " 'trained', ?, ?, cast(? as jsonb)) returning id",
              STUDENT,
              STUDENT,
              "b".repeat(64),
              teacher,
              teacher,
              "{\"base\": 0.80, \"novel\": 0.60, \"hm\": 0.6857, \"perClass\": ["
                  + "{\"name\": \"diving\", \"split\": \"base\", \"correct\": 4, \"total\": 5,"
                  + " \"accuracy\": 0.8},"
                  + "{\"name\": \"juggling\", \"split\": \"novel\", \"correct\": 3, \"total\": 5,"
                  + " \"accuracy\": 0.6}],"
                  + " \"curves\": {\"steps\": [{\"step\": 1, \"epoch\": 1, \"loss\": 2.5},"
                  + " {\"step\": 2, \"epoch\": 1, \"loss\": 1.9}, {\"step\": 3, \"epoch\": 2,"
                  + " \"loss\": 1.2}], \"epochs\": [{\"epoch\": 1, \"loss\": 2.2,"
                  + " \"train_accuracy\": 0.5}, {\"epoch\": 2, \"loss\": 1.2,"
                  + " \"train_accuracy\": 0.75}]}}");
    }
    browser = Browser.open();
    world = new ModelsWorld();
  }

  @AfterAll
  static void closeEverything() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (world != null) {
      world.close();
    }
    try (Connection db = UiWorld.connect();
        PreparedStatement delete =
            db.prepareStatement("delete from model_version where name in (?, ?)")) {
      // The student first: it references the teacher.
      delete.setString(1, STUDENT);
      delete.setString(2, "-");
      delete.executeUpdate();
      delete.setString(1, TEACHER);
      delete.executeUpdate();
    }
  }

  @AfterEach
  void screenshotAndSignOut(TestInfo test) {
    browser.screenshot("ModelsPagesIT-" + test.getTestMethod().orElseThrow().getName());
    browser.signOut();
  }

  @Test
  @Order(1)
  void theModelsPageListsVersionsWithMetricsAndComparesTwo() {
    // Management pages are protected views: they open through Faces' own links (menu, table).
    signInAndOpen("models");
    row(student).findElement(By.className("version-name")).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-id")));
    assertEquals(Long.toString(student), browser.driver.findElement(By.id("detail-id")).getText());
    WebElement studentRow = row(student);
    assertEquals("trained", studentRow.findElement(By.className("kind")).getText());
    assertEquals("candidate", studentRow.findElement(By.className("status")).getText());
    assertEquals("80.0 %", studentRow.findElement(By.className("base")).getText());
    assertEquals("60.0 %", studentRow.findElement(By.className("novel")).getText());
    assertEquals("68.6 %", studentRow.findElement(By.className("hm")).getText());
    assertTrue(studentRow.getText().contains(teacher + " / " + teacher), studentRow.getText());
    assertEquals("base", row(teacher).findElement(By.className("kind")).getText());
    // The detail panel's charts: three bars and the step-loss curve through three points.
    assertEquals(
        3, browser.driver.findElements(By.cssSelector("#bars-" + student + " rect")).size());
    String points =
        browser
            .driver
            .findElement(By.cssSelector("#loss-" + student + " polyline"))
            .getAttribute("points");
    assertEquals(3, points.trim().split("\\s+").length, points);

    row(teacher).findElement(By.className("compare-link")).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comparison-table")));
    assertTrue(browser.driver.getCurrentUrl().contains("compare=" + teacher));
    List<String> hm =
        cells(browser.driver.findElement(By.cssSelector("#comparison-table tr.metric-hm")));
    assertEquals(List.of("HM", "68.6 %", "48.0 %"), hm);
    List<WebElement> classes =
        browser.driver.findElements(By.cssSelector("#comparison-table tr.class-row"));
    assertEquals(2, classes.size());
    assertEquals(List.of("juggling", "60.0 % (3/5)", "40.0 % (2/5)"), cells(classes.get(1)));
    browser.screenshot("ModelsPagesIT-comparison");
  }

  @Test
  @Order(2)
  void promotingACandidateShowsTheReembeddingAndRollbackRestoresThePrevious() throws Exception {
    long previous = world.registerCandidate("previous");
    world.activate(previous);
    world.addSegmentedAssets(Path.of("target", "ui-videos").toAbsolutePath(), 2);
    long candidate = world.registerCandidate("candidate");
    signInAndOpen("models");
    row(candidate).findElement(By.cssSelector("button.promote")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "Promoting version " + candidate));
    assertEquals(
        Long.toString(candidate),
        browser.driver.findElement(By.id("promotion-candidate")).getText());
    // The page polls the re-embedding until it ends: segments done of the catalogue's total.
    browser.wait.until(ExpectedConditions.textToBe(By.id("promotion-status"), "COMPLETED"));
    Matcher progress =
        Pattern.compile("(\\d+) / (\\d+) segments re-embedded")
            .matcher(browser.driver.findElement(By.id("promotion:promotion-progress")).getText());
    assertTrue(progress.matches(), progress.toString());
    assertEquals(progress.group(2), progress.group(1));
    assertTrue(Long.parseLong(progress.group(2)) >= 6, progress.group(2));
    assertEquals("active", ModelsWorld.status(candidate));
    assertEquals("retired", ModelsWorld.status(previous));
    browser.screenshot("ModelsPagesIT-promoted");

    browser.driver.findElement(By.id("promotion:rollback")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "Rolled back: version " + previous + " is active again"));
    assertEquals("active", ModelsWorld.status(previous));
    assertEquals("retired", ModelsWorld.status(candidate));
    assertEquals("retired", row(candidate).findElement(By.className("status")).getText());
    promoted = candidate;
    rolledBackTo = previous;
  }

  @Test
  @Order(3)
  void aRetiredVersionsEmbeddingsArePurgedButNotTheRollbackTargets() throws Exception {
    // Another switch retires the version rolled back to: it becomes the rollback target, and the
    // candidate promoted before is an older retired version whose embeddings may go.
    long next = world.registerCandidate("next");
    world.activate(next);
    signInAndOpen("models");
    row(rolledBackTo).findElement(By.cssSelector("button.purge")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "rollback target"));
    assertFalse(ModelsWorld.purged(rolledBackTo));

    row(promoted).findElement(By.cssSelector("button.purge")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "Purged the embeddings of retired version " + promoted));
    assertTrue(ModelsWorld.purged(promoted));
    assertTrue(row(promoted).getText().contains("(purged)"), row(promoted).getText());
    assertTrue(row(promoted).findElements(By.cssSelector("button.purge")).isEmpty());
  }

  @Test
  @Order(4)
  void aFileThatIsNoClipCheckpointIsRefusedNextToItsFieldAndRegistersNothing() throws Exception {
    String name = "u10-not-clip-" + UNIQUE;
    String checkpoint = ModelsWorld.writeNotAClipCheckpoint(name);
    signInAndOpen("models");
    browser.driver.findElement(By.id("import:importName")).sendKeys(name);
    browser.driver.findElement(By.id("import:checkpointPath")).sendKeys(checkpoint);
    browser.driver.findElement(By.id("import:importButton")).click();
    WebElement message =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//input[@id='import:checkpointPath']/following-sibling::*"
                        + "[contains(@class, 'ui-message-error')]")));
    assertTrue(message.getText().contains(checkpoint), message.getText());
    assertTrue(
        browser
            .driver
            .findElements(
                By.xpath(
                    "//input[@id='import:importName']/following-sibling::*"
                        + "[contains(@class, 'ui-message-error')]"))
            .isEmpty());
    try (Connection db = UiWorld.connect()) {
      assertEquals(0, single(db, "select count(*) from model_version where name = ?", name));
    }
  }

  @Test
  @Order(5)
  void aTrainingRunStartedOnTheJobsPageIsListedUntilItCompletes() throws Exception {
    world.registerDatasetAndTeacher();
    world.configureTinyRuns();
    signInAndOpen("jobs");
    browser.driver.findElement(By.id("training:startRun")).click();
    WebElement started =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[@id='jobs:messages']//*[contains(text(), 'Started training run')]")));
    Matcher id = Pattern.compile("Started training run (\\d+)").matcher(started.getText());
    assertTrue(id.find(), started.getText());
    long run = Long.parseLong(id.group(1));
    // The runs table is re-rendered every 2 s while the run trains: cells are looked up afresh.
    String row =
        "//tr[contains(@class, 'training-run')][.//span[@class='run-id' and text()='" + run + "']]";
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(row)));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.xpath(row + "/td[2]"), "admin"));
    // The page re-reads the runs every 2 s while one runs: it shows the end by itself.
    assertEquals("completed", ModelsWorld.awaitEnd(run).getString("status"));
    browser.wait.until(
        ExpectedConditions.textToBe(By.xpath(row + "//span[@class='status']"), "completed"));
    browser.screenshot("ModelsPagesIT-training-run");
  }

  @Test
  @Order(6)
  void anInvalidCronIsRefusedNextToItsFieldAndStoresNothing() throws SQLException {
    String name = "u9-nightly-" + UNIQUE;
    signInAndOpen("jobs");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule:cron")));
    browser.driver.findElement(By.id("schedule:scheduleName")).sendKeys(name);
    browser.driver.findElement(By.id("schedule:cron")).sendKeys("every night at three");
    browser.driver.findElement(By.id("schedule:create")).click();
    WebElement message =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//input[@id='schedule:cron']/following-sibling::*"
                        + "[contains(@class, 'ui-message-error')]")));
    assertTrue(message.getText().startsWith("cron"), message.getText());
    assertTrue(
        browser
            .driver
            .findElements(
                By.xpath(
                    "//input[@id='schedule:scheduleName']/following-sibling::*"
                        + "[contains(@class, 'ui-message-error')]"))
            .isEmpty());
    try (Connection db = UiWorld.connect()) {
      assertEquals(0, single(db, "select count(*) from training_schedule where name = ?", name));
    }
  }

  @Test
  @Order(7)
  void aScheduleShowsItsNextFireTimesAndCanBeDeleted() throws SQLException {
    String name = "u9-weekly-" + UNIQUE;
    signInAndOpen("jobs");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule:cron")));
    browser.driver.findElement(By.id("schedule:scheduleName")).sendKeys(name);
    browser.driver.findElement(By.id("schedule:cron")).sendKeys("0 0 3 ? * SUN");
    // Disabled, so that it never fires a training run while the suite runs.
    browser.driver.findElement(By.cssSelector("#schedule\\:enabled .ui-chkbox-box")).click();
    browser.driver.findElement(By.id("schedule:create")).click();
    WebElement schedule = browser.wait.until(driver -> scheduleRow(name));
    // A disabled schedule never fires, so it has no next fire times.
    assertTrue(schedule.findElements(By.className("next-fire")).isEmpty(), schedule.getText());
    try (Connection db = UiWorld.connect()) {
      assertEquals(
          1,
          single(
              db, "select count(*) from training_schedule where name = ? and not enabled", name));
    }
    // Sundays at 03:00: enabling it for the rest of this test fires nothing.
    schedule.findElement(By.xpath(".//button[.//span[text()='Enable']]")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("jobs:messages"), "Enabled schedule"));
    schedule = scheduleRow(name);
    List<WebElement> next = schedule.findElements(By.className("next-fire"));
    assertEquals(3, next.size(), schedule.getText());
    for (WebElement fire : next) {
      java.time.Instant at = java.time.Instant.parse(fire.getText().trim());
      assertTrue(at.isAfter(java.time.Instant.now()), fire.getText());
    }
    browser.screenshot("ModelsPagesIT-schedule");
    schedule.findElement(By.xpath(".//button[.//span[text()='Delete']]")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("jobs:messages"), "Deleted schedule"));
    assertEquals(null, scheduleRow(name));
    try (Connection db = UiWorld.connect()) {
      assertEquals(0, single(db, "select count(*) from training_schedule where name = ?", name));
    }
  }

  @Test
  @Order(8)
  void aTaggerStillCannotOpenTheModelsPage() {
    browser.signIn("tagger", "models.xhtml?version=" + student);
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
    assertTrue(browser.driver.findElements(By.id("models")).isEmpty());
    assertFalse(browser.driver.getPageSource().contains(STUDENT));
  }

  private static void signInAndOpen(String entry) {
    browser.signIn("admin", "dashboard.xhtml");
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:" + entry))).click();
    browser.wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.id("jobs".equals(entry) ? "jobs-title" : entry)));
  }

  private static WebElement scheduleRow(String name) {
    List<WebElement> rows =
        browser.driver.findElements(
            By.xpath(
                "//tr[contains(@class, 'schedule')][.//span[@class='schedule-name' and text()='"
                    + name
                    + "']]"));
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static WebElement row(long version) {
    return browser.driver.findElement(
        By.xpath(
            "//tr[contains(@class, 'version')][.//span[@class='version-id' and text()='"
                + version
                + "']]"));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  private static long single(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
