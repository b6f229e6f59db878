package dev.froster.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The folder model bundles must lie in: {@code froster.models.root} (environment {@code
 * FROSTER_MODELS_ROOT}), by default {@code ${FROSTER_HOME}/var/models}, where the launcher keeps
 * them.
 */
@ApplicationScoped
public class ModelsRoot {

  public static final String PROPERTY = "froster.models.root";

  /** The real path of the root (symbolic links resolved when it exists). */
  public Path path() {
    Config config = ConfigProvider.getConfig();
    Path root =
        config
            .getOptionalValue(PROPERTY, String.class)
            .map(Path::of)
            .orElseGet(
                () ->
                    Path.of(
                        config.getOptionalValue("FROSTER_HOME", String.class).orElse("."),
                        "var",
                        "models"));
    return root.toAbsolutePath().normalize();
  }
}
