package dev.froster.infrastructure.ingest;

import dev.froster.domain.model.asset.IngestRoots;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where ingest may read and write, from MicroProfile Config (environment variables, Liberty
 * variables and system properties all work):
 *
 * <ul>
 *   <li>{@code froster.ingest.roots} (env {@code FROSTER_INGEST_ROOTS}): folders separated by the
 *       path separator; default {@code $FROSTER_HOME/var/ingest} ({@code FROSTER_HOME} is exported
 *       by the launcher; the working directory when unset). Uploads go to {@code <first
 *       root>/uploads}.
 *   <li>{@code froster.ingest.watch}: the watched folder; default the {@code watch} folder of the
 *       first root; an empty value switches watching off.
 *   <li>{@code froster.ingest.max-upload-bytes}: the largest upload accepted; default 8 GiB.
 * </ul>
 */
@ApplicationScoped
public class IngestConfiguration {

  static final long DEFAULT_MAX_UPLOAD_BYTES = 8L << 30;

  public IngestRoots roots() {
    return IngestRoots.parse(
        config()
            .getOptionalValue("froster.ingest.roots", String.class)
            .filter(value -> !value.isBlank())
            .orElseGet(() -> frosterHome().resolve("var").resolve("ingest").toString()));
  }

  public Path uploadFolder() {
    return roots().first().resolve("uploads");
  }

  /** The watched folder, or empty when watching is switched off. */
  public Optional<Path> watchFolder() {
    Optional<String> configured = config().getOptionalValue("froster.ingest.watch", String.class);
    if (configured.isEmpty()) {
      // MicroProfile Config treats an empty value as missing; a property set to "" is read here.
      String raw =
          System.getProperty("froster.ingest.watch", System.getenv("FROSTER_INGEST_WATCH"));
      if (raw != null && raw.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(roots().first().resolve("watch"));
    }
    return Optional.of(Path.of(configured.get().strip()));
  }

  public long maxUploadBytes() {
    return config()
        .getOptionalValue("froster.ingest.max-upload-bytes", Long.class)
        .orElse(DEFAULT_MAX_UPLOAD_BYTES);
  }

  private static Path frosterHome() {
    String home = System.getenv("FROSTER_HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.dir") : home);
  }

  private static Config config() {
    return ConfigProvider.getConfig(IngestConfiguration.class.getClassLoader());
  }
}
