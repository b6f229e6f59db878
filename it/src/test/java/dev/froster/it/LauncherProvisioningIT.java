package dev.froster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's provisioning against an existing server ({@code FROSTER_DB_URL}), in a throwaway
 * var folder: development users with generated passwords, printed once and kept private; the
 * database settings taken from the URL; a malformed URL refused with a clear message.
 */
class LauncherProvisioningIT {

  private static final Path LAUNCHER = Path.of(System.getProperty("froster.launcher"));

  @Test
  void provisioningAgainstAnExistingServerCreatesPrivateDevUsersOnceAndUsesTheUrlsDatabase(
      @TempDir Path var) throws Exception {
    Result first = provision(var, jdbcUrl("froster_test"));
    assertEquals(0, first.exitCode, first.output);
    Path users = var.resolve("secrets/dev-users.properties");
    Properties passwords = load(users);
    assertEquals(Set.of("archivist", "tagger", "admin"), passwords.stringPropertyNames());
    passwords.forEach(
        (user, password) -> assertTrue(((String) password).length() >= 20, "" + user));
    assertNotEquals(passwords.get("archivist"), passwords.get("admin"));
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(users));
    assertTrue(first.output.contains((String) passwords.get("admin")), "printed once");

    String env = Files.readString(var.resolve("secrets/env.sh"));
    assertTrue(env.contains("export FROSTER_DB_NAME=froster_test"), env);
    assertTrue(env.contains("export FROSTER_DB_PORT=" + System.getenv("FROSTER_DB_PORT")), env);

    Result second = provision(var, jdbcUrl("froster_test"));
    assertEquals(0, second.exitCode, second.output);
    assertEquals(passwords, load(users), "passwords are kept");
    assertTrue(!second.output.contains((String) passwords.get("admin")), "not printed again");
  }

  @Test
  void aUrlWithoutADatabaseIsRefusedWithTheReason(@TempDir Path var) throws Exception {
    Result result = provision(var, "jdbc:postgresql://" + System.getenv("FROSTER_DB_HOST"));
    assertNotEquals(0, result.exitCode);
    assertTrue(result.output.contains("FROSTER_DB_URL names no database"), result.output);
    assertTrue(!Files.exists(var.resolve("secrets/env.sh")), "nothing written");
  }

  private static String jdbcUrl(String database) {
    return "jdbc:postgresql://"
        + System.getenv("FROSTER_DB_HOST")
        + ":"
        + System.getenv("FROSTER_DB_PORT")
        + "/"
        + database;
  }

  private record Result(int exitCode, String output) {}

  private static Result provision(Path var, String url) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "provision"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("FROSTER_VAR", var.toString());
    env.put("FROSTER_DB_URL", url);
    env.remove("FROSTER_DB_NAME");
    for (String role : List.of("ARCHIVIST", "TAGGER", "ADMIN")) {
      env.remove("FROSTER_" + role + "_PASSWORD");
    }
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("./froster provision did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }
}
