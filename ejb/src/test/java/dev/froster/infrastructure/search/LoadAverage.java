package dev.froster.infrastructure.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's one-minute load average, printed next to every figure (the cores are shared). */
final class LoadAverage {

  private LoadAverage() {}

  static String now() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
