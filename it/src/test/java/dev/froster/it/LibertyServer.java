package dev.froster.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One server of the Liberty installation the build made ({@code target/liberty/wlp}), started and
 * stopped with its own {@code bin/server} script as an operator would, with extra environment
 * variables. The script's output goes to {@code server-command.log} in the server's folder.
 */
final class LibertyServer implements AutoCloseable {

  private final Path wlpHome;
  private final String name;
  private final Path serverDirectory;
  private final Path commandLog;
  private boolean started;

  LibertyServer(Path wlpHome, String name) {
    this.wlpHome = wlpHome;
    this.name = name;
    this.serverDirectory = wlpHome.resolve("usr/servers").resolve(name);
    this.commandLog = serverDirectory.resolve("server-command.log");
    if (!Files.isRegularFile(serverDirectory.resolve("server.xml"))) {
      throw new IllegalStateException(
          "no server " + serverDirectory + ": it is created by `mvn -pl it verify`");
    }
  }

  Path directory() {
    return serverDirectory;
  }

  Path messagesLog() {
    return serverDirectory.resolve("logs/messages.log");
  }

  Path consoleLog() {
    return serverDirectory.resolve("logs/console.log");
  }

  Path ffdcDirectory() {
    return serverDirectory.resolve("logs/ffdc");
  }

  /**
   * Removes the logs of earlier runs, then {@code server start <name> --clean} with these variables
   * added to this JVM's environment; returns when the script reports the server started.
   */
  void start(Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    deleteRecursively(serverDirectory.resolve("logs"));
    Files.deleteIfExists(commandLog);
    started = true;
    int exit = runScript(List.of("start", name, "--clean"), environment, timeout);
    if (exit != 0) {
      throw new IllegalStateException(
          "server start " + name + " exited with " + exit + ":\n" + read(commandLog));
    }
  }

  /**
   * Waits until a line of messages.log matches {@code expected} and returns it; fails at once when
   * a line matches {@code failure}.
   */
  String awaitMessage(Pattern expected, Pattern failure, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : lines(messagesLog())) {
        if (failure.matcher(line).find()) {
          throw new AssertionError("server " + name + " logged: " + line);
        }
        if (expected.matcher(line).find()) {
          return line;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no line matching " + expected + " in " + messagesLog() + " after " + timeout);
      }
      Thread.sleep(500);
    }
  }

  /** The lines of a log file, none when it does not exist yet. */
  static List<String> lines(Path log) {
    if (!Files.exists(log)) {
      return List.of();
    }
    return read(log).lines().toList();
  }

  /** {@code server stop}; kills the JVM by its process id if the script fails or hangs. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (!started) {
      return;
    }
    started = false;
    Optional<ProcessHandle> jvm = serverProcess();
    int exit = runScript(List.of("stop", name), Map.of(), Duration.ofSeconds(90));
    if (exit != 0 || jvm.map(ProcessHandle::isAlive).orElse(false)) {
      jvm.ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** The server's JVM, from the process id file Liberty writes while the server runs. */
  private Optional<ProcessHandle> serverProcess() throws IOException {
    Path pidFile = wlpHome.resolve("usr/servers/.pid").resolve(name + ".pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String pid = Files.readString(pidFile).trim();
    return pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
  }

  /** Runs bin/server; -1 when it does not finish within the timeout (then it is killed). */
  private int runScript(List<String> arguments, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(wlpHome.resolve("bin/server").toString());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(commandLog.toFile()));
    builder.environment().putAll(environment);
    Process script = builder.start();
    if (!script.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      script.destroyForcibly();
      return -1;
    }
    return script.exitValue();
  }

  private static String read(Path file) {
    try {
      // Decoding replaces malformed bytes: a log line must never make the test itself fail.
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
