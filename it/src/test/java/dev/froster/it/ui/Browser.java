package dev.froster.it.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class (starting one costs seconds), signed in as a dev user
 * through the login page. Uses Debian's {@code chromium} and {@code chromium-driver}, which the
 * test command installs ({@code require_browser} in ./froster); without them the browser tests are
 * skipped with a message saying so.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("froster.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("froster.chromedriver", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final WebDriver driver;
  final WebDriverWait wait;

  private Browser(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    // an Ajax update can replace a located element before the condition reads it: look again
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  /** A new headless browser; skips the test class when Chromium is not installed. */
  static Browser open() {
    assumeTrue(
        Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER)),
        "browser tests skipped: "
            + CHROMIUM
            + " or "
            + DRIVER
            + " is missing (apt-get install chromium chromium-driver; ./froster test installs them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--autoplay-policy=no-user-gesture-required");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    return new Browser(driver);
  }

  static String page(String path) {
    return UiWorld.base() + "/froster/" + path;
  }

  /** Signs in through login.xhtml as {@code user}, starting from {@code path}. */
  void signIn(String user, String path) {
    driver.get(page(path));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:user")));
    typeCredentials(user);
  }

  void typeCredentials(String user) {
    String password =
        System.getenv("FROSTER_" + user.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD");
    WebElement name = driver.findElement(By.id("login:user"));
    name.clear();
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
    driver.findElement(By.id("login:signIn")).click();
  }

  /**
   * Logs out whoever is signed in through the menu's Log out action, which ends the session on the
   * server too (a fresh start for the next test). Deleting the browser's cookies instead left the
   * server session alive: a page still polling (the jobs page) could then carry the old session
   * cookie into the next sign-in, which Liberty refuses (SESN0008E, a session of another user).
   * When the current page has no menu (login, error pages), the dashboard is opened: it shows the
   * menu when a session is still live, else the login page, and then nobody is signed in.
   */
  void signOut() {
    if (driver.findElements(By.id("menu:logout")).isEmpty()) {
      driver.get(page("dashboard.xhtml"));
      wait.until(
          ExpectedConditions.or(
              ExpectedConditions.visibilityOfElementLocated(By.id("menu:logout")),
              ExpectedConditions.visibilityOfElementLocated(By.id("login:user"))));
      if (driver.findElements(By.id("menu:logout")).isEmpty()) {
        return;
      }
    }
    driver.findElement(By.id("menu:logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException failed) {
      System.err.println("screenshot " + name + " not saved: " + failed);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
